package com.commcredits.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SampleCallDatesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2028-03-15T12:30:00Z");

  @Test
  void theSamplesTenOClockCall_startsThreeHoursBeforeNow_andKeepsItsLength() throws Exception {
    String body =
        "{\"usageId\":\"u-1\",\"startTime\":\"2026-11-02T10:00:00Z\","
            + "\"endTime\":\"2026-11-02T10:02:05Z\",\"durationSeconds\":125}";

    JsonNode moved = JSON.readTree(SampleCallDates.movedTo(NOW).redated(body));

    assertThat(moved.get("startTime").asText()).isEqualTo("2028-03-15T09:30:00Z");
    assertThat(moved.get("endTime").asText()).isEqualTo("2028-03-15T09:32:05Z");
    assertThat(moved.get("usageId").asText()).isEqualTo("u-1");
    assertThat(moved.get("durationSeconds").asInt()).isEqualTo(125);
  }

  @Test
  void twoSamplesAnHourApart_stayAnHourApart() throws Exception {
    SampleCallDates dates = SampleCallDates.movedTo(NOW);

    Instant first = startOf(dates.redated(call("2026-11-02T10:00:00Z", "2026-11-02T10:01:00Z")));
    Instant second = startOf(dates.redated(call("2026-11-02T11:00:00Z", "2026-11-02T11:01:00Z")));

    assertThat(second).isEqualTo(first.plusSeconds(3600));
  }

  @Test
  void deliberatelyBrokenSamples_comeBackUnchanged() {
    SampleCallDates dates = SampleCallDates.movedTo(NOW);

    assertThat(dates.redated("this is not JSON")).isEqualTo("this is not JSON");
    assertThat(dates.redated("{\"startTime\":\"yesterday\",\"endTime\":\"today\"}"))
        .isEqualTo("{\"startTime\":\"yesterday\",\"endTime\":\"today\"}");
    assertThat(dates.redated("{\"usageId\":\"u-9\",\"startTime\":\"2026-11-02T10:00:00Z\"}"))
        .isEqualTo("{\"usageId\":\"u-9\",\"startTime\":\"2026-11-02T10:00:00Z\"}");
    assertThat(dates.redated("[1,2]")).isEqualTo("[1,2]");
  }

  private static String call(String start, String end) {
    return "{\"startTime\":\"" + start + "\",\"endTime\":\"" + end + "\"}";
  }

  private static Instant startOf(String body) throws Exception {
    return Instant.parse(JSON.readTree(body).get("startTime").asText());
  }
}
