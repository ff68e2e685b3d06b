package com.commcredits.domain.calls;

import static com.commcredits.testing.TestCallRecords.aCallRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallRecordTest {

  @Test
  void aValidRecord_isAccepted() {
    CallRecord call = aCallRecord().build();

    assertThat(call.durationSeconds()).isEqualTo(120);
  }

  @Test
  void negativeDuration_isRejectedWithReason() {
    assertThatThrownBy(() -> aCallRecord().lasting(-1).build())
        .isInstanceOf(InvalidCallRecord.class)
        .hasMessageContaining("must not be negative");
  }

  @Test
  void durationOverADay_isRejectedAsAbsurd() {
    assertThatThrownBy(() -> aCallRecord().lasting(86_401).build())
        .isInstanceOf(InvalidCallRecord.class)
        .hasMessageContaining("exceeds the maximum");
  }

  @Test
  void durationLongerThanTheCallsSpan_isRejected() {
    Instant start = Instant.parse("2026-11-02T10:00:00Z");

    assertThatThrownBy(
            () ->
                new CallRecord(
                    "u1",
                    "acme",
                    "c1",
                    null,
                    "anna@acme.example",
                    null,
                    "US",
                    CallType.USER_OUT,
                    NumberType.TOLL,
                    "+12065550100",
                    "+12125550123",
                    start,
                    start.plusSeconds(60),
                    600))
        .isInstanceOf(InvalidCallRecord.class)
        .hasMessageContaining("longer than the 60 s");
  }

  @Test
  void nonE164Number_isRejected_withoutShowingTheWholeNumber() {
    assertThatThrownBy(() -> aCallRecord().to("030 1234567890").build())
        .isInstanceOf(InvalidCallRecord.class)
        .hasMessageContaining("calleeNumber must be an E.164 number")
        .hasMessageNotContaining("1234567890");
  }

  @Test
  void unknownCountry_isRejected() {
    assertThatThrownBy(() -> aCallRecord().userLocation("XX").build())
        .isInstanceOf(InvalidCallRecord.class)
        .hasMessageContaining("userLocation");
  }

  @Test
  void fingerprint_isStableForTheSameRecord_andDiffersWhenContentDiffers() {
    String first = aCallRecord().build().fingerprint();

    assertThat(aCallRecord().build().fingerprint()).isEqualTo(first);
    assertThat(aCallRecord().lasting(121).build().fingerprint()).isNotEqualTo(first);
  }
}
