package com.commcredits.console;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Serves the admin console's files on the Admin API's own HTTP API (public {@code GET /console/…}
 * routes, no authorizer): the pages hold no data; every figure comes from the API with the
 * signed-in admin's token.
 */
public final class ConsoleHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final ConsoleSite site;

  /** For Lambda. */
  public ConsoleHandler() {
    this(System.getenv());
  }

  /** For a local run: the environment Lambda would give the function. */
  public ConsoleHandler(Map<String, String> environment) {
    this(
        new ConsoleSite(
            ConsoleAssets.packaged(),
            ConsoleSite.SignIn.fromEnvironment(environment),
            "stripe".equals(environment.get("PAYMENT_GATEWAY"))));
  }

  ConsoleHandler(ConsoleSite site) {
    this.site = site;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String method =
        event.getRequestContext() == null || event.getRequestContext().getHttp() == null
            ? "GET"
            : event.getRequestContext().getHttp().getMethod();
    ConsoleSite.Page page = site.get(method, event.getRawPath() == null ? "" : event.getRawPath());
    boolean text =
        page.headers().getOrDefault("Content-Type", "").startsWith("text/")
            || page.headers().getOrDefault("Content-Type", "").startsWith("application/json");
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(page.status())
        .withHeaders(page.headers())
        .withBody(
            text
                ? new String(page.body(), StandardCharsets.UTF_8)
                : Base64.getEncoder().encodeToString(page.body()))
        .withIsBase64Encoded(!text)
        .build();
  }
}
