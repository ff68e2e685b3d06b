package com.commcredits.adminapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.commcredits.adapters.aws.LambdaEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The Admin API behind API Gateway's HTTP API: the JWT authorizer has verified the token; this
 * reads the request and its claims, lets {@link AdminApi} answer, and writes the response.
 */
public final class AdminApiHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final AdminApi api;

  /** For Lambda: wires real clients once per execution environment. */
  public AdminApiHandler() {
    this(System.getenv());
  }

  /** For a local run: the environment Lambda would give the function. */
  public AdminApiHandler(Map<String, String> environment) {
    this(AdminApiWiring.adminApi(LambdaEnvironment.of(environment)));
  }

  AdminApiHandler(AdminApi api) {
    this.api = api;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String body = event.getBody();
    if (body != null && event.getIsBase64Encoded()) {
      body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
    Map<String, String> claims =
        Optional.ofNullable(event.getRequestContext())
            .map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
            .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
            .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims)
            .orElse(Map.of());
    ApiResponse response =
        api.handle(
            new ApiRequest(
                event.getRequestContext().getHttp().getMethod(),
                event.getRawPath(),
                Optional.ofNullable(event.getQueryStringParameters()).orElse(Map.of()),
                Optional.ofNullable(event.getHeaders()).orElse(Map.of()),
                claims,
                body));
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(response.status())
        .withHeaders(response.headers())
        .withBody(response.body())
        .build();
  }
}
