package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.LogLevel;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link HttpLogger#enabled()}: the client installs the logger's interceptors only when it is true, so a
 * client that logs nothing has no logging interceptor on its hot path.
 */
class HttpLoggerEnabledTest {

  @Test
  void theLoggerThatLogsNothingIsNotEnabled() {
    assertThat(HttpLogger.OFF.enabled()).isFalse();
    assertThat(new HttpLogger(LogLevel.NONE, line -> {}, Set.of(), false).enabled()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(value = LogLevel.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void everyOtherLevelIsEnabled(LogLevel level) {
    assertThat(new HttpLogger(level, line -> {}, Set.of(), false).enabled()).isTrue();
  }
}
