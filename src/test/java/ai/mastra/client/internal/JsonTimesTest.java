package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Times are written as Mastra writes them: milliseconds always when they are whole, else every digit. */
class JsonTimesTest {
  private static String write(String time) {
    return Json.GSON.toJson(OffsetDateTime.parse(time));
  }

  @Test
  void wholeMillisecondsAreWrittenWithThreeDigitsAndFinerTimesInFull() {
    assertThat(write("2026-01-01T00:00:00Z")).isEqualTo("\"2026-01-01T00:00:00.000Z\"");
    assertThat(write("2026-01-01T00:00:00.005Z")).isEqualTo("\"2026-01-01T00:00:00.005Z\"");
    assertThat(write("2026-01-01T00:00:00.000001Z")).isEqualTo("\"2026-01-01T00:00:00.000001Z\"");
    // 67,108,864 ns = 2^26: not whole milliseconds (whatever arithmetic on the nanoseconds overflows to)
    assertThat(write("2026-01-01T00:00:00.067108864Z")).isEqualTo("\"2026-01-01T00:00:00.067108864Z\"");
  }

  @Test
  void yearsOutsideFourDigitsKeepIsoForm() {
    assertThat(write("0000-01-01T00:00:00Z")).isEqualTo("\"0000-01-01T00:00:00.000Z\"");
    assertThat(write("9999-12-31T23:59:59Z")).isEqualTo("\"9999-12-31T23:59:59.000Z\"");
    assertThat(write("+10000-01-01T00:00:00Z")).isEqualTo("\"+10000-01-01T00:00Z\"");
    assertThat(write("-0001-01-01T00:00:00Z")).isEqualTo("\"-0001-01-01T00:00Z\"");
  }
}
