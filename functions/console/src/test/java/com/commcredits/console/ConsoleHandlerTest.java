package com.commcredits.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.commcredits.testing.TestContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleHandlerTest {

  private final ConsoleHandler localConsole = new ConsoleHandler(Map.of());
  private final ConsoleHandler hostedConsole =
      new ConsoleHandler(
          Map.of(
              "HOSTED_UI_URL",
              "https://cc-test.auth.eu-west-1.amazoncognito.com",
              "CLIENT_ID",
              "abc123"));

  private static APIGatewayV2HTTPResponse get(ConsoleHandler handler, String path) {
    APIGatewayV2HTTPEvent event =
        APIGatewayV2HTTPEvent.builder()
            .withRawPath(path)
            .withRequestContext(
                APIGatewayV2HTTPEvent.RequestContext.builder()
                    .withHttp(
                        APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                            .withMethod("GET")
                            .withPath(path)
                            .build())
                    .build())
            .build();
    return handler.handleRequest(event, new TestContext());
  }

  @Test
  void consoleRoot_servesThePage_withAPolicyThatAllowsOnlyItsOwnScriptsAndRequests() {
    APIGatewayV2HTTPResponse page = get(localConsole, "/console/");

    assertThat(page.getStatusCode()).isEqualTo(200);
    assertThat(page.getHeaders()).containsEntry("Content-Type", "text/html; charset=utf-8");
    assertThat(page.getBody()).contains("<script type=\"module\" src=\"/console/js/app.js\">");
    assertThat(page.getBody()).doesNotContain("<script>");
    assertThat(page.getHeaders().get("Content-Security-Policy"))
        .contains("default-src 'none'", "script-src 'self'", "connect-src 'self';")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(page.getHeaders())
        .containsEntry("X-Content-Type-Options", "nosniff")
        .containsEntry("X-Frame-Options", "DENY")
        .containsEntry("Referrer-Policy", "no-referrer")
        .containsKey("Strict-Transport-Security");
  }

  @Test
  void withTheStripeGateway_thePolicyLetsInStripeJsAndItsCardFrame_fromJsStripeComOnly() {
    ConsoleHandler stripe =
        new ConsoleHandler(
            new ConsoleSite(ConsoleAssets.packaged(), new ConsoleSite.SignIn("", ""), true));

    String policy = get(stripe, "/console/").getHeaders().get("Content-Security-Policy");

    assertThat(policy)
        .contains("script-src 'self' https://js.stripe.com;")
        .contains("frame-src https://js.stripe.com;")
        .contains("connect-src 'self' https://api.stripe.com;")
        .doesNotContain("unsafe-inline");
    assertThat(get(localConsole, "/console/").getHeaders().get("Content-Security-Policy"))
        .doesNotContain("stripe.com");
  }

  @Test
  void scriptsAndStyles_areServedWithTheirMediaTypes() {
    assertThat(get(localConsole, "/console/js/app.js").getHeaders())
        .containsEntry("Content-Type", "text/javascript; charset=utf-8");
    assertThat(get(localConsole, "/console/console.css").getHeaders())
        .containsEntry("Content-Type", "text/css; charset=utf-8");
  }

  @Test
  void consoleWithoutSlash_isRedirectedToTheFolder() {
    APIGatewayV2HTTPResponse answer = get(localConsole, "/console");

    assertThat(answer.getStatusCode()).isEqualTo(308);
    assertThat(answer.getHeaders()).containsEntry("Location", "/console/");
  }

  @Test
  void unknownFiles_andPathsThatTryToLeaveTheFolder_areNotFound() {
    assertThat(get(localConsole, "/console/nothing.js").getStatusCode()).isEqualTo(404);
    assertThat(get(localConsole, "/console/../ConsoleHandler.class").getStatusCode())
        .isEqualTo(404);
    assertThat(get(localConsole, "/console/%2e%2e/x.js").getStatusCode()).isEqualTo(404);
    assertThat(get(localConsole, "/console/js/../../console/index.html").getStatusCode())
        .isEqualTo(404);
    assertThat(get(localConsole, "/orgs").getStatusCode()).isEqualTo(404);
  }

  @Test
  void config_namesTheDevSignIn_onTheLocalStack() {
    APIGatewayV2HTTPResponse config = get(localConsole, "/console/config.json");

    assertThat(config.getBody()).isEqualTo("{\"signIn\":\"dev\"}");
    assertThat(config.getHeaders()).containsEntry("Cache-Control", "no-store");
  }

  @Test
  void config_namesTheHostedSignIn_andThePolicyLetsTheBrowserRedeemItsCodeThere() {
    APIGatewayV2HTTPResponse config = get(hostedConsole, "/console/config.json");

    assertThat(config.getBody())
        .contains("\"signIn\":\"hosted\"")
        .contains("\"hostedUiUrl\":\"https://cc-test.auth.eu-west-1.amazoncognito.com\"")
        .contains("\"clientId\":\"abc123\"");
    assertThat(config.getHeaders().get("Content-Security-Policy"))
        .contains("connect-src 'self' https://cc-test.auth.eu-west-1.amazoncognito.com;");
  }
}
