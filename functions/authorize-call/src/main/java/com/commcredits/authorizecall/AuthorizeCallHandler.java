package com.commcredits.authorizecall;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.commcredits.adapters.aws.LambdaEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * "May this call start, and for how many minutes?" — asked by the telephony platform over the
 * function's URL (IAM-signed) before it connects a call that credits pay for.
 */
public final class AuthorizeCallHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final CallAuthorizations authorizations;

  /** For Lambda: wires real clients once per execution environment. */
  public AuthorizeCallHandler() {
    this(System.getenv());
  }

  /** For a local run: the environment Lambda would give the function. */
  public AuthorizeCallHandler(Map<String, String> environment) {
    this(AuthorizeCallWiring.callAuthorizations(LambdaEnvironment.of(environment)));
  }

  AuthorizeCallHandler(CallAuthorizations authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String body = event.getBody();
    if (body != null && event.getIsBase64Encoded()) {
      body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
    return authorizations.answer(body);
  }
}
