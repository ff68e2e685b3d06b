package com.commcredits.adapters.json;

import static com.commcredits.testing.TestCallRecords.aCallRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.commcredits.domain.calls.InvalidCallRecord;
import org.junit.jupiter.api.Test;

class CallRecordJsonTest {

  private final CallRecordJson json = new CallRecordJson(Json.mapper());

  @Test
  void contractJson_readsIntoTheSameRecord() {
    var expected = aCallRecord().build();

    assertThat(json.parse(aCallRecord().json())).isEqualTo(expected);
  }

  @Test
  void jsonNestedThousandsDeep_isRejectedWithAReason_notAFault() {
    // guards issue 9 defect 11: it used to throw a NullPointerException (no location)
    String deep = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);

    assertThatThrownBy(() -> json.parse(deep))
        .isInstanceOf(InvalidCallRecord.class)
        .hasMessageContaining("nested too deeply");
  }

  @Test
  void brokenJson_isRejectedWithItsPosition() {
    assertThatThrownBy(() -> json.parse("{\"usageId\": \"u1\","))
        .isInstanceOf(InvalidCallRecord.class)
        .hasMessageStartingWith("body is not valid JSON (line 1");
  }

  @Test
  void missingField_isNamed() {
    String body = aCallRecord().json().replaceAll("\"calleeNumber\":\"[^\"]*\",", "");

    assertThatThrownBy(() -> json.parse(body))
        .isInstanceOf(InvalidCallRecord.class)
        .hasMessage("calleeNumber is missing");
  }

  @Test
  void fractionalDuration_isRejected() {
    String body =
        aCallRecord().json().replace("\"durationSeconds\":120", "\"durationSeconds\":1.5");

    assertThatThrownBy(() -> json.parse(body))
        .isInstanceOf(InvalidCallRecord.class)
        .hasMessage("durationSeconds must be a whole number of seconds");
  }

  @Test
  void unknownCallType_listsTheAcceptedOnes() {
    String body = aCallRecord().json().replace("conf_out", "fax");

    assertThatThrownBy(() -> json.parse(body))
        .isInstanceOf(InvalidCallRecord.class)
        .hasMessageContaining("conf_in, conf_out, user_in, user_out");
  }

  @Test
  void arrayBody_isRejected() {
    assertThatThrownBy(() -> json.parse("[" + aCallRecord().json() + "]"))
        .isInstanceOf(InvalidCallRecord.class)
        .hasMessageContaining("one JSON object");
  }

  @Test
  void orgAndUsageId_canBeReadFromAnInvalidRecord_forFilingIt() {
    String body = "{\"usageId\":\"u9\",\"orgId\":\"acme\",\"durationSeconds\":-1}";

    assertThat(json.orgIdOf(body)).contains("acme");
    assertThat(json.usageIdOf(body)).contains("u9");
    assertThat(json.orgIdOf("not json")).isEmpty();
  }
}
