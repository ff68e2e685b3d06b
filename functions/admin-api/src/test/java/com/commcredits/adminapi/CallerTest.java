package com.commcredits.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerTest {

  private static final Caller.ClaimNames NAMES = Caller.ClaimNames.COGNITO;

  @Test
  void operatorsGroup_asApiGatewayRendersArrayClaims_makesAnOperator() {
    Caller caller =
        Caller.fromClaims(Map.of("sub", "s", "cognito:groups", "[admins operators]"), NAMES);

    assertThat(caller.isOperator()).isTrue();
    assertThat(caller.reaches("any-org")).isTrue();
  }

  @Test
  void orgClaim_reachesOnlyThatOrg() {
    Caller caller = Caller.fromClaims(Map.of("sub", "s", "custom:org", "contoso"), NAMES);

    assertThat(caller.role()).isEqualTo(Caller.Role.ORG_ADMIN);
    assertThat(caller.reaches("contoso")).isTrue();
    assertThat(caller.reaches("fabrikam")).isFalse();
  }

  @Test
  void noClaim_orAMalformedOrg_reachesNothing() {
    Caller none = Caller.fromClaims(Map.of("sub", "s"), NAMES);
    Caller malformed = Caller.fromClaims(Map.of("sub", "s", "custom:org", "acme#ENTRY"), NAMES);

    assertThat(none.role()).isEqualTo(Caller.Role.NONE);
    assertThat(none.reaches("contoso")).isFalse();
    assertThat(malformed.role()).isEqualTo(Caller.Role.NONE);
  }

  @Test
  void idempotencyKeys_areScopedToTheOrg_orToTheOperator() {
    assertThat(Caller.fromClaims(Map.of("sub", "s", "custom:org", "contoso"), NAMES).replayScope())
        .isEqualTo("org:contoso");
    assertThat(
            Caller.fromClaims(Map.of("sub", "op1", "cognito:groups", "[operators]"), NAMES)
                .replayScope())
        .isEqualTo("operator:op1");
  }
}
