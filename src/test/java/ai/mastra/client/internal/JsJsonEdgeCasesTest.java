package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link JsJson} writes what JavaScript's {@code JSON.stringify} writes. Every expected string below is Node's
 * output for the same value (strings written as Java escapes); see also RequestContextTest's byte-exact
 * context.
 */
class JsJsonEdgeCasesTest {

  private static String string(String value) {
    return JsJson.stringify(new JsonPrimitive(value));
  }

  @Test
  void aLoneLowSurrogateIsEscapedWhereverItStands() {
    // JSON.stringify("\udc00x") === '"\\udc00x"' (well-formed JSON.stringify, ES2019)
    assertThat(string("\udc00x")).isEqualTo("\"\\udc00x\"");
    assertThat(string("a\udc00")).isEqualTo("\"a\\udc00\"");
    assertThat(string("a\udfffb")).isEqualTo("\"a\\udfffb\"");
    // a low surrogate before a high one is no pair: both are lone
    assertThat(string("\udc00\ud800")).isEqualTo("\"\\udc00\\ud800\"");
  }

  @Test
  void aLoneHighSurrogateIsEscapedWhereverItStands() {
    assertThat(string("\ud800")).isEqualTo("\"\\ud800\"");
    assertThat(string("x\udbff")).isEqualTo("\"x\\udbff\"");
    assertThat(string("\ud800a")).isEqualTo("\"\\ud800a\"");
    assertThat(string("\ud800\ud800\ude00")).isEqualTo("\"\\ud800\ud800\ude00\"");
  }

  @Test
  void aSurrogatePairIsWrittenAsItIs() {
    assertThat(string("\ud83d\ude00")).isEqualTo("\"\ud83d\ude00\"");
    assertThat(string("a\ud83d\ude00b\udbff\udfff")).isEqualTo("\"a\ud83d\ude00b\udbff\udfff\"");
  }

  @Test
  void controlCharactersAreEscapedShortWhereJavaScriptDoesAndAsLowercaseHexOtherwise() {
    assertThat(string("\"\\\b\f\n\r\t")).isEqualTo("\"\\\"\\\\\\b\\f\\n\\r\\t\"");
    assertThat(string("\u0000\u0001\u001f\u000b")).isEqualTo("\"\\u0000\\u0001\\u001f\\u000b\"");
    assertThat(string(" ~\u007f\u0080\u2028/<>&'")).isEqualTo("\" ~\u007f\u0080\u2028/<>&'\"");
    assertThat(string("")).isEqualTo("\"\"");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // integers
    "0, 0", "-0.0, 0", "7.0, 7", "-7.0, -7", "1.5, 1.5", "0.1, 0.1", "100.0, 100",
    // plain between 1e-6 (inclusive) and 1e21 (exclusive), exponent notation outside
    "0.000001, 0.000001", "0.0000015, 0.0000015", "1e-7, 1e-7", "-1e-7, -1e-7", "1.5e-7, 1.5e-7",
    "1e21, 1e+21", "-1e21, -1e+21", "1.5e21, 1.5e+21", "999999999999999900000.0, 999999999999999900000",
    "123456789012345680000.0, 123456789012345680000",
    "1e300, 1e+300", "1.7976931348623157e308, 1.7976931348623157e+308", "4.9e-324, 5e-324",
    "2.5e-300, 2.5e-300",
    // shortest digits that read back as the same double
    "0.30000000000000004, 0.30000000000000004", "123.456, 123.456", "1.2345678901234567, 1.2345678901234567",
  })
  void doublesAreWrittenAsJavaScriptNumbers(double value, String expected) {
    assertThat(JsJson.number(value)).isEqualTo(expected);
  }

  @Test
  void nanAndInfinityAreNull() {
    assertThat(JsJson.number(Double.NaN)).isEqualTo("null");
    assertThat(JsJson.number(Double.POSITIVE_INFINITY)).isEqualTo("null");
    assertThat(JsJson.number(Double.NEGATIVE_INFINITY)).isEqualTo("null");
    assertThat(JsJson.number(Float.NaN)).isEqualTo("null");
  }

  @Test
  void otherNumberTypesAreWrittenAsJavaScriptWritesTheirDouble() {
    // (JsJson takes doubles since the JDK-independent number formatting; RequestContext refuses integers a
    // JavaScript number cannot hold, so Long.MAX_VALUE never reaches it from a context.)
    assertThat(JsJson.number(Long.MAX_VALUE)).isEqualTo("9223372036854776000");
    assertThat(JsJson.number(-5)).isEqualTo("-5");
    assertThat(JsJson.number((short) 12)).isEqualTo("12");
    assertThat(JsJson.number((byte) -3)).isEqualTo("-3");
    assertThat(JsJson.number(2.5f)).isEqualTo("2.5");
  }

  @Test
  void objectsKeepTheirKeyOrderAndArraysTheirItemOrderWithoutSpaces() {
    JsonObject object = new JsonObject();
    object.addProperty("z", 1);
    object.addProperty("a", "x\udc00");
    JsonArray array = new JsonArray();
    array.add(true);
    array.add(JsonNull.INSTANCE);
    array.add(new JsonObject());
    array.add(new JsonArray());
    array.add(2.0);
    object.add("list", array);
    object.add("nothing", JsonNull.INSTANCE);
    object.addProperty("lone\ud800key", false);

    assertThat(JsJson.stringify(object))
        .isEqualTo("{\"z\":1,\"a\":\"x\\udc00\",\"list\":[true,null,{},[],2],\"nothing\":null,"
            + "\"lone\\ud800key\":false}");
    assertThat(JsJson.stringify(null)).isEqualTo("null");
    assertThat(JsJson.stringify(new JsonArray())).isEqualTo("[]");
    assertThat(JsJson.stringify(new JsonPrimitive(1e21))).isEqualTo("1e+21");
  }
}
