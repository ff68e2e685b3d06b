package com.commcredits.local.api;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What API Gateway's JWT authorizer checks, done locally: a bearer token signed by a key of the
 * issuer's JWKS (RS256), not expired, from the expected issuer, for the expected audience. A token
 * that passes yields its claims the way the authorizer hands them to the function: every value as
 * text, arrays as {@code [a b]}.
 */
public final class JwtAuthorizer {

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  public JwtAuthorizer(JWKSet keys, String issuer, String audience) {
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            audience,
            new JWTClaimsSet.Builder().issuer(issuer).build(),
            Set.of("sub", "exp", "iat")));
  }

  /** The claims of a valid {@code Authorization} header value; empty for anything else. */
  public Optional<Map<String, String>> claims(String authorizationHeader) {
    if (authorizationHeader == null
        || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    try {
      JWTClaimsSet claims = processor.process(authorizationHeader.substring(7).strip(), null);
      Map<String, String> asText = new LinkedHashMap<>();
      claims.getClaims().forEach((name, value) -> asText.put(name, text(value)));
      return Optional.of(asText);
    } catch (java.text.ParseException | BadJOSEException | com.nimbusds.jose.JOSEException e) {
      return Optional.empty();
    }
  }

  private static String text(Object value) {
    if (value instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).collect(Collectors.joining(" ", "[", "]"));
    }
    if (value instanceof Date date) {
      return String.valueOf(date.toInstant().getEpochSecond());
    }
    return String.valueOf(value);
  }
}
