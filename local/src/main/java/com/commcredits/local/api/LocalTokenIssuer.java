package com.commcredits.local.api;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The local stand-in for the user pool: an RS256 key kept in a file (so a {@code local/run token}
 * in another process signs with the key the running serve checks against), dev tokens for an org
 * admin or an operator with the claims Cognito would put in an ID token, and the public JWKS.
 */
public final class LocalTokenIssuer {

  public static final String ISSUER = "https://issuer.comm-credits.local";
  public static final String AUDIENCE = "comm-credits-local";
  public static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);

  private final RSAKey key;

  private LocalTokenIssuer(RSAKey key) {
    this.key = key;
  }

  /**
   * Where {@code local/run serve} and {@code local/run token} keep the dev signing key, so tokens
   * printed by one process are accepted by the other.
   */
  public static Path defaultKeyFile(Path repositoryRoot) {
    return repositoryRoot.resolve("local/target/dev-issuer/signing-key.json");
  }

  /** The issuer whose key is in {@code keyFile}; a new key is written there if none is. */
  public static LocalTokenIssuer withKeyFile(Path keyFile) {
    try {
      if (Files.isRegularFile(keyFile)) {
        return new LocalTokenIssuer(RSAKey.parse(Files.readString(keyFile)));
      }
      RSAKey key =
          new RSAKeyGenerator(2048)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .keyID("local-" + UUID.randomUUID())
              .generate();
      Files.createDirectories(keyFile.toAbsolutePath().getParent());
      Path temporary = Files.createTempFile(keyFile.toAbsolutePath().getParent(), "key", ".tmp");
      Files.writeString(temporary, key.toJSONString());
      try {
        Files.move(temporary, keyFile, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, keyFile, StandardCopyOption.REPLACE_EXISTING);
      }
      // another process may have won the race to write it: use whatever is on disk now
      return new LocalTokenIssuer(RSAKey.parse(Files.readString(keyFile)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the dev signing key " + keyFile, e);
    } catch (ParseException | JOSEException e) {
      throw new IllegalStateException("the dev signing key " + keyFile + " is unreadable: " + e, e);
    }
  }

  /** An in-memory issuer (tests that need a second, untrusted key). */
  public static LocalTokenIssuer ephemeral() {
    try {
      return new LocalTokenIssuer(
          new RSAKeyGenerator(2048)
              .algorithm(JWSAlgorithm.RS256)
              .keyID("ephemeral-" + UUID.randomUUID())
              .generate());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public String orgAdminToken(String orgId) {
    return token(
        new JWTClaimsSet.Builder()
            .subject("dev-admin-" + orgId)
            .claim("email", "admin@" + orgId + ".example")
            .claim("custom:org", orgId),
        DEFAULT_LIFETIME);
  }

  public String operatorToken() {
    return token(
        new JWTClaimsSet.Builder()
            .subject("dev-operator")
            .claim("email", "operator@comm-credits.local")
            .claim("cognito:groups", List.of("operators")),
        DEFAULT_LIFETIME);
  }

  /** A token with only the standard claims: signed and valid, but naming no org and no group. */
  public String tokenWithoutRole() {
    return token(new JWTClaimsSet.Builder().subject("dev-nobody"), DEFAULT_LIFETIME);
  }

  /**
   * Signs {@code claims}, adding issuer, audience, issue and expiry times unless already set (tests
   * set them to make expired or foreign tokens).
   */
  public String token(JWTClaimsSet.Builder claims, Duration lifetime) {
    Instant now = Instant.now();
    JWTClaimsSet draft = claims.build();
    JWTClaimsSet.Builder complete =
        new JWTClaimsSet.Builder(draft).jwtID(UUID.randomUUID().toString());
    if (draft.getIssuer() == null) {
      complete.issuer(ISSUER);
    }
    if (draft.getAudience() == null || draft.getAudience().isEmpty()) {
      complete.audience(AUDIENCE);
    }
    if (draft.getIssueTime() == null) {
      complete.issueTime(Date.from(now));
    }
    if (draft.getExpirationTime() == null) {
      complete.expirationTime(Date.from(now.plus(lifetime)));
    }
    complete.claim("token_use", "id");
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              complete.build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a dev token", e);
    }
  }

  /** The public key set, as a user pool publishes it at {@code /.well-known/jwks.json}. */
  public JWKSet publicKeys() {
    return new JWKSet(key.toPublicJWK());
  }
}
