package com.commcredits.local.it;

import static com.commcredits.local.it.OrgOnTheStack.SETTLE;
import static org.assertj.core.api.Assertions.assertThat;

import com.commcredits.adapters.payment.SimulatedCharge;
import com.commcredits.domain.account.Language;
import com.commcredits.domain.account.PauseReason;
import com.commcredits.local.LocalDeployment;
import com.commcredits.local.SentEmail;
import com.commcredits.local.junit.LocalDeploymentExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Retries, pauses and loop guards of auto-recharge, through the deployed functions, on a stack
 * whose back-offs are seconds instead of hours (template parameters).
 */
class RechargeRetriesIT {

  @RegisterExtension
  static final LocalDeploymentExtension FAST_RETRIES =
      LocalDeploymentExtension.withOptions(
          LocalDeployment.Options.defaults()
              .withStackName("fast-retries")
              .withParameter("SoftDeclineBackoff", "PT2S,PT2S")
              .withParameter("ProcessingErrorBackoff", "PT1S"));

  private final LocalDeployment deployment;

  RechargeRetriesIT(LocalDeployment deployment) {
    this.deployment = deployment;
  }

  @BeforeEach
  void start() {
    deployment.startEventSources();
  }

  @Test
  void insufficientFunds_isRetriedOnTheBackOff_thenPauses_withTwoEmails() {
    var org =
        OrgOnTheStack.open(
            deployment, "USD", Language.EN, "pm_card_chargeDeclinedInsufficientFunds", "30");

    org.call(Duration.ofMinutes(44));
    waitUntil(() -> org.account().autoRecharge().pausedReason() != null);
    // The pause's email travels the notification queue after the pause is stored.
    deployment.awaitQuiescence(SETTLE);

    assertThat(org.cardCharges())
        .hasSize(3)
        .allSatisfy(c -> assertThat(c.kind()).isEqualTo(SimulatedCharge.Kind.SOFT_DECLINE));
    assertThat(org.account().autoRecharge().pausedReason())
        .isEqualTo(PauseReason.SOFT_DECLINE_GAVE_UP);
    assertThat(org.emails()).hasSize(2);
  }

  @Test
  void processingError_isRetriedQuickly_thenPauses() {
    var org =
        OrgOnTheStack.open(
            deployment, "USD", Language.EN, "pm_card_chargeDeclinedProcessingError", "30");

    org.call(Duration.ofMinutes(44));
    waitUntil(() -> org.account().autoRecharge().pausedReason() != null);
    // The pause's email travels the notification queue after the pause is stored.
    deployment.awaitQuiescence(SETTLE);

    assertThat(org.cardCharges()).hasSize(2);
    assertThat(org.account().autoRecharge().pausedReason())
        .isEqualTo(PauseReason.PROCESSING_ERROR_GAVE_UP);
    assertThat(org.emails()).extracting(SentEmail::subject).hasSize(1);
  }

  @Test
  void turningAutoRechargeOff_stopsThePendingRetry() {
    var org =
        OrgOnTheStack.open(
            deployment, "USD", Language.EN, "pm_card_chargeDeclinedInsufficientFunds", "30");
    org.call(Duration.ofMinutes(44));
    waitUntil(() -> org.cardCharges().size() == 1);

    org.admin
        .administration()
        .setAutoRecharge(org.orgId, false, org.money("50"), org.money("20"), null, Instant.now());
    deployment.awaitQuiescence(SETTLE);

    assertThat(org.cardCharges()).hasSize(1);
  }

  @Test
  void burstGuard_pausesAutoRecharge_insteadOfAFourthRechargeWithinAnHour() {
    var org = OrgOnTheStack.open(deployment, "USD", Language.EN, "pm_card_visa", "30");

    for (int i = 0; i < 4; i++) {
      org.call(Duration.ofMinutes(240));
      deployment.awaitQuiescence(SETTLE);
    }

    assertThat(org.succeededCardCharges()).hasSize(3);
    assertThat(org.account().autoRecharge().pausedReason()).isEqualTo(PauseReason.BURST_GUARD);
  }

  @Test
  void monthlyCap_pausesAutoRecharge_beforeItIsExceeded() {
    var org = OrgOnTheStack.open(deployment, "USD", Language.EN, "pm_card_visa", "30");
    org.admin
        .administration()
        .setAutoRecharge(
            org.orgId, true, org.money("50"), org.money("20"), org.money("80"), Instant.now());

    org.call(Duration.ofMinutes(44));
    deployment.awaitQuiescence(SETTLE);
    org.call(Duration.ofMinutes(240));
    deployment.awaitQuiescence(SETTLE);

    assertThat(org.succeededCardCharges()).hasSize(1);
    assertThat(org.account().autoRecharge().pausedReason()).isEqualTo(PauseReason.MONTHLY_CAP);
  }

  /** Retries are delayed messages, so a quiet queue is not yet the end of the story. */
  private static void waitUntil(BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(SETTLE);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not reached within " + SETTLE);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }
}
