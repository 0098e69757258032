package ai.mastra.client.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a JSON tree byte for byte as JavaScript's {@code JSON.stringify} does, so that the base64
 * requestContext this SDK sends is the one @mastra/client-js sends for the same object.
 *
 * <p>Gson cannot be used for this: it escapes U+2028/U+2029 and (by default) {@code < > & = '}, and it writes
 * doubles as {@code 7.0} where JavaScript writes {@code 7}.
 */
public final class JsJson {

  private static final BigDecimal PLAIN_MIN = new BigDecimal("1e-6");
  private static final BigDecimal PLAIN_MAX = new BigDecimal("1e21");

  private JsJson() {}

  /** Returns the JSON text of {@code element} as {@code JSON.stringify} would write it. */
  public static String stringify(JsonElement element) {
    StringBuilder out = new StringBuilder();
    write(element, out);
    return out.toString();
  }

  private static void write(JsonElement element, StringBuilder out) {
    if (element == null || element.isJsonNull()) {
      out.append("null");
    } else if (element.isJsonObject()) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonElement> entry : ((JsonObject) element).entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(entry.getKey(), out);
        out.append(':');
        write(entry.getValue(), out);
      }
      out.append('}');
    } else if (element.isJsonArray()) {
      out.append('[');
      boolean first = true;
      for (JsonElement item : (JsonArray) element) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(item, out);
      }
      out.append(']');
    } else {
      JsonPrimitive primitive = element.getAsJsonPrimitive();
      if (primitive.isBoolean()) {
        out.append(primitive.getAsBoolean());
      } else if (primitive.isNumber()) {
        out.append(number(primitive.getAsNumber()));
      } else {
        writeString(primitive.getAsString(), out);
      }
    }
  }

  /** JavaScript's Number-to-String for the value, which JavaScript holds as a double. */
  static String number(Number number) {
    if (number instanceof Integer
        || number instanceof Long
        || number instanceof Short
        || number instanceof Byte
        || number instanceof BigInteger) {
      return number.toString();
    }
    double value = number.doubleValue();
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "null";
    }
    if (value == 0) {
      return "0"; // also -0, as in JavaScript
    }
    BigDecimal decimal = shortestRoundTrip(value).stripTrailingZeros();
    BigDecimal magnitude = decimal.abs();
    if (magnitude.compareTo(PLAIN_MIN) >= 0 && magnitude.compareTo(PLAIN_MAX) < 0) {
      return decimal.toPlainString();
    }
    String digits = decimal.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - decimal.scale();
    StringBuilder text = new StringBuilder();
    if (decimal.signum() < 0) {
      text.append('-');
    }
    text.append(digits.charAt(0));
    if (digits.length() > 1) {
      text.append('.').append(digits, 1, digits.length());
    }
    return text.append('e').append(exponent >= 0 ? "+" : "-").append(Math.abs(exponent)).toString();
  }

  /**
   * The fewest significant digits that read back as the same double, as JavaScript picks them. (Double.toString
   * is not always the shortest before JDK 19, e.g. 2e23, and never for the smallest subnormals.)
   */
  private static BigDecimal shortestRoundTrip(double value) {
    for (int digits = 1; digits < 17; digits++) {
      String candidate = String.format(Locale.ROOT, "%." + (digits - 1) + "e", value);
      if (Double.parseDouble(candidate) == value) {
        return new BigDecimal(candidate);
      }
    }
    return new BigDecimal(String.format(Locale.ROOT, "%.16e", value));
  }

  private static void writeString(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || isLoneSurrogate(value, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  private static boolean isLoneSurrogate(String value, int i) {
    char c = value.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
    }
    return false;
  }
}
