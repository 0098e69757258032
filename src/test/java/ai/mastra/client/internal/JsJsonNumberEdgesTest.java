package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link JsJson#number} at the edges of its cases, with the text JavaScript's {@code String(x)} gives. */
class JsJsonNumberEdgesTest {

  @Test
  void theSignIsWrittenOnceForEveryKindOfNumber() {
    assertThat(JsJson.number(-1.5)).isEqualTo("-1.5");
    assertThat(JsJson.number(-1e-7)).isEqualTo("-1e-7");
    assertThat(JsJson.number(-1e21)).isEqualTo("-1e+21");
    assertThat(JsJson.number(-9007199254740994.0)).isEqualTo("-9007199254740994");
    assertThat(JsJson.number(-0.0)).isEqualTo("0");
    assertThat(JsJson.number(1.5)).isEqualTo("1.5");
  }

  @Test
  void theSmallestNormalAndTheLargestSubnormalDouble() {
    assertThat(JsJson.number(Double.MIN_NORMAL)).isEqualTo("2.2250738585072014e-308");
    assertThat(JsJson.number(Math.nextDown(Double.MIN_NORMAL))).isEqualTo("2.225073858507201e-308");
    assertThat(JsJson.number(Double.MIN_VALUE)).isEqualTo("5e-324");
  }
}
