package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/**
 * Building a client consults {@link OkHttpCheck}'s verdict on the classpath, which is found once and kept: a
 * classpath found wrong fails every build with the explanation. The verdict is set by reflection (this
 * classpath is right) and restored afterwards.
 */
class OkHttpCheckVerdictTest {

  @Test
  void aClasspathFoundWrongFailsEveryClientBuiltWithTheExplanation() throws Exception {
    Field problem = OkHttpCheck.class.getDeclaredField("problem");
    problem.setAccessible(true);
    OkHttpCheck.requireOkHttp5Alone(); // the verdict on this classpath is in, and it is fine
    Object before = problem.get(null);
    assertThat(before).isEqualTo("");
    problem.set(null, "two OkHttps");
    try {
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> MastraClient.builder().baseUrl("http://127.0.0.1:9").build())
            .isInstanceOf(IllegalStateException.class)
            .hasMessage("two OkHttps");
      }
    } finally {
      problem.set(null, before);
    }
    MastraClient.builder().baseUrl("http://127.0.0.1:9").build().close();
  }
}
