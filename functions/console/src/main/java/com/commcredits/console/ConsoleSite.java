package com.commcredits.console;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The admin console as a small site under {@code /console/}: its files, its sign-in settings as
 * {@code config.json}, and the security headers on every answer. The console shares the Admin API's
 * origin, so the policy lets scripts, styles and requests go to {@code 'self'} only (plus the
 * hosted sign-in's token endpoint, which the browser calls to redeem its code).
 */
final class ConsoleSite {

  static final String PREFIX = "/console";

  /** An answer: status, headers and body bytes. */
  record Page(int status, Map<String, String> headers, byte[] body) {}

  /**
   * How an admin signs in.
   *
   * @param hostedUiUrl the Cognito hosted UI's base URL (OAuth 2.0 code + PKCE); empty: the local
   *     stack's dev sign-in
   * @param clientId the user pool's app client
   */
  record SignIn(String hostedUiUrl, String clientId) {

    static SignIn fromEnvironment(Map<String, String> environment) {
      return new SignIn(
          environment.getOrDefault("HOSTED_UI_URL", "").strip(),
          environment.getOrDefault("CLIENT_ID", "").strip());
    }

    boolean hosted() {
      return !hostedUiUrl.isEmpty() && !clientId.isEmpty();
    }

    String json() {
      return hosted()
          ? "{\"signIn\":\"hosted\",\"hostedUiUrl\":\""
              + jsonText(hostedUiUrl)
              + "\",\"clientId\":\""
              + jsonText(clientId)
              + "\",\"scopes\":\"openid email profile\"}"
          : "{\"signIn\":\"dev\"}";
    }

    private static String jsonText(String value) {
      return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
  }

  /** Stripe.js, which draws the card field in its own frame when the gateway is Stripe. */
  static final String STRIPE_JS = "https://js.stripe.com";

  /** Where Stripe.js sends the card itself (createPaymentMethod, confirmCardSetup). */
  static final String STRIPE_API = "https://api.stripe.com";

  private final ConsoleAssets assets;
  private final SignIn signIn;
  private final boolean stripe;

  ConsoleSite(ConsoleAssets assets, SignIn signIn) {
    this(assets, signIn, false);
  }

  /**
   * @param stripe the stack's gateway is Stripe: the policy also lets Stripe.js load from
   *     js.stripe.com, frame its card field from there and send the card to api.stripe.com
   */
  ConsoleSite(ConsoleAssets assets, SignIn signIn, boolean stripe) {
    this.assets = assets;
    this.signIn = signIn;
    this.stripe = stripe;
  }

  Page get(String method, String path) {
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return text(405, "Only GET is served here.");
    }
    if (path.equals(PREFIX)) {
      Map<String, String> headers = securityHeaders();
      headers.put("Location", PREFIX + "/");
      return new Page(308, headers, new byte[0]);
    }
    if (!path.startsWith(PREFIX + "/")) {
      return text(404, "Not found.");
    }
    String name = path.substring(PREFIX.length() + 1);
    if (name.isEmpty()) {
      name = "index.html";
    }
    if (name.equals("config.json")) {
      return page(
          200, "application/json", "no-store", signIn.json().getBytes(StandardCharsets.UTF_8));
    }
    Optional<ConsoleAssets.Asset> asset = assets.find(name);
    if (asset.isEmpty()) {
      return text(404, "Not found.");
    }
    String caching = name.endsWith(".html") ? "no-cache" : "public, max-age=300";
    return page(200, asset.get().contentType(), caching, asset.get().content());
  }

  private Page text(int status, String message) {
    return page(
        status, "text/plain; charset=utf-8", "no-store", message.getBytes(StandardCharsets.UTF_8));
  }

  private Page page(int status, String contentType, String caching, byte[] body) {
    Map<String, String> headers = securityHeaders();
    headers.put("Content-Type", contentType);
    headers.put("Cache-Control", caching);
    return new Page(status, headers, body);
  }

  Map<String, String> securityHeaders() {
    String tokenEndpoint = signIn.hosted() ? " " + signIn.hostedUiUrl() : "";
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'"
            + (stripe ? " " + STRIPE_JS : "")
            + "; style-src 'self'; img-src 'self' data:; connect-src 'self'"
            + tokenEndpoint
            + (stripe ? " " + STRIPE_API + "; frame-src " + STRIPE_JS : "")
            + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Referrer-Policy", "no-referrer");
    headers.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    headers.put("Cross-Origin-Opener-Policy", "same-origin");
    headers.put("Cross-Origin-Resource-Policy", "same-origin");
    headers.put("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    return headers;
  }
}
