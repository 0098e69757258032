package ai.mastra.client.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a JSON tree byte for byte as JavaScript's {@code JSON.stringify} does, so that the request context this
 * SDK sends is the one @mastra/client-js sends for the same object.
 *
 * <p>Gson cannot be used for this: it escapes U+2028/U+2029 and (by default) {@code < > & = '}, writes a lone
 * surrogate raw (which UTF-8 then turns into {@code ?}), writes doubles as {@code 7.0} where JavaScript writes
 * {@code 7}, and keeps insertion order for keys such as {@code "10"} and {@code "2"}, which a JavaScript object
 * puts first, in ascending order.
 *
 * <p>Numbers are JavaScript numbers (doubles) written as {@code Number.prototype.toString} writes them: the
 * shortest digits that read back as the same double, the closest such digits to the exact value (ties to an even
 * last digit), plain notation from 1e-6 up to (not including) 1e21 and exponent notation outside. The digits are
 * found with exact integer arithmetic (the free-format algorithm of Steele &amp; White / Burger &amp; Dybvig,
 * which V8 itself falls back to), so they depend neither on the JDK's {@code Double.toString} (not shortest
 * before JDK 19) nor on its {@code String.format}.
 */
public final class JsJson {

  private static final long TWO_POW_53 = 1L << 53;
  private static final long HIDDEN_BIT = 1L << 52;
  private static final long MANTISSA_MASK = HIDDEN_BIT - 1;
  private static final BigInteger[] TENS = new BigInteger[400];

  static {
    TENS[0] = BigInteger.ONE;
    for (int i = 1; i < TENS.length; i++) {
      TENS[i] = TENS[i - 1].multiply(BigInteger.TEN);
    }
  }

  private JsJson() {}

  /**
   * Returns the JSON text of {@code element} as {@code JSON.stringify} would write it. Numbers are taken as
   * doubles; NaN and infinities are written as {@code null}, as JavaScript writes them (callers that must not
   * send them refuse them earlier).
   *
   * @param element the tree; Java null is written as {@code null}
   * @return the JSON text
   */
  public static String stringify(JsonElement element) {
    StringBuilder out = new StringBuilder();
    write(element, out);
    return out.toString();
  }

  /**
   * Returns the keys of {@code object} in the order a JavaScript object enumerates them: array-index keys
   * ({@code "0"} to {@code "4294967294"}, without leading zeros) first in ascending numeric order, then the
   * other keys in insertion order.
   *
   * @param object a JSON object
   * @return its keys, in JavaScript's order
   */
  public static List<String> keysInJavaScriptOrder(JsonObject object) {
    List<String> indices = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (String key : object.keySet()) {
      (isArrayIndex(key) ? indices : others).add(key);
    }
    if (indices.isEmpty()) {
      return others;
    }
    indices.sort((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
    indices.addAll(others);
    return indices;
  }

  /**
   * Whether {@code key} is an array index in ECMAScript's sense (the canonical decimal form of an integer from 0
   * to 2^32 - 2), which JavaScript objects enumerate before every other key.
   *
   * @param key a property key
   * @return true for {@code "0"}, {@code "7"}, {@code "4294967294"}; false for {@code "07"}, {@code "-1"},
   *     {@code "4294967295"}, {@code "1.5"}
   */
  public static boolean isArrayIndex(String key) {
    int length = key.length();
    if (length == 0 || length > 10) {
      return false;
    }
    if (key.charAt(0) == '0') {
      return length == 1;
    }
    for (int i = 0; i < length; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return Long.parseLong(key) <= 4294967294L;
  }

  private static void write(JsonElement element, StringBuilder out) {
    if (element == null || element.isJsonNull()) {
      out.append("null");
    } else if (element.isJsonObject()) {
      JsonObject object = (JsonObject) element;
      out.append('{');
      boolean first = true;
      for (String key : keysInJavaScriptOrder(object)) {
        if (!first) {
          out.append(',');
        }
        first = false;
        writeString(key, out);
        out.append(':');
        write(object.get(key), out);
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
        out.append(number(primitive.getAsNumber().doubleValue()));
      } else {
        writeString(primitive.getAsString(), out);
      }
    }
  }

  /**
   * Returns {@code JSON.stringify(value)} for a JavaScript number: {@code Number.prototype.toString} for finite
   * values, {@code null} for NaN and the infinities.
   *
   * @param value the number
   * @return its JSON text
   */
  public static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "null";
    }
    if (value == 0) {
      return "0"; // also -0, as in JavaScript
    }
    double magnitude = Math.abs(value);
    if (value == Math.rint(value) && magnitude <= TWO_POW_53) {
      return Long.toString((long) value); // exact, and plain notation since it is below 1e21
    }
    StringBuilder out = new StringBuilder(25);
    if (magnitude != value) {
      out.append('-');
    }
    StringBuilder digits = new StringBuilder(17);
    int point = shortestDigits(magnitude, digits);
    format(digits, point, out);
    return out.toString();
  }

  /** ECMAScript Number::toString(x) for positive x = 0.{digits} x 10^point (ES's k = digits, n = point). */
  private static void format(CharSequence digits, int point, StringBuilder out) {
    int k = digits.length();
    int n = point;
    if (k <= n && n <= 21) {
      out.append(digits);
      for (int i = k; i < n; i++) {
        out.append('0');
      }
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.");
      for (int i = n; i < 0; i++) {
        out.append('0');
      }
      out.append(digits);
    } else {
      int exponent = n - 1;
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
    }
  }

  /**
   * Appends to {@code out} the shortest digits d1..dn such that 0.d1..dn x 10^point reads back as {@code value}
   * (positive, finite), choosing the closest such digits to {@code value} and an even last digit on a tie;
   * returns {@code point}. All arithmetic is exact: value = r / s, its rounding interval is (r - mMinus) / s to
   * (r + mPlus) / s, with both ends included when the significand is even (IEEE round-half-even reading).
   */
  static int shortestDigits(double value, StringBuilder out) {
    long bits = Double.doubleToRawLongBits(value);
    int biased = (int) (bits >>> 52) & 0x7ff;
    long significand = bits & MANTISSA_MASK;
    int exponent;
    if (biased == 0) {
      exponent = -1074; // subnormal
    } else {
      significand |= HIDDEN_BIT;
      exponent = biased - 1075;
    }
    boolean even = (significand & 1) == 0;
    // The lower neighbour is closer (half the gap) when the significand is a power of two with a normal
    // neighbour below it.
    boolean closerBelow = significand == HIDDEN_BIT && biased > 1;
    BigInteger r;
    BigInteger s;
    BigInteger mPlus;
    BigInteger mMinus;
    BigInteger f = BigInteger.valueOf(significand);
    if (exponent >= 0) {
      BigInteger be = BigInteger.ONE.shiftLeft(exponent);
      if (!closerBelow) {
        r = f.shiftLeft(exponent + 1);
        s = BigInteger.valueOf(2);
        mPlus = be;
        mMinus = be;
      } else {
        r = f.shiftLeft(exponent + 2);
        s = BigInteger.valueOf(4);
        mPlus = be.shiftLeft(1);
        mMinus = be;
      }
    } else {
      if (!closerBelow) {
        r = f.shiftLeft(1);
        s = BigInteger.ONE.shiftLeft(1 - exponent);
        mPlus = BigInteger.ONE;
        mMinus = BigInteger.ONE;
      } else {
        r = f.shiftLeft(2);
        s = BigInteger.ONE.shiftLeft(2 - exponent);
        mPlus = BigInteger.valueOf(2);
        mMinus = BigInteger.ONE;
      }
    }
    // Estimate point = ceil(log10(value)); StrictMath is the same on every JDK, and the loops below correct
    // the estimate anyway.
    int point = (int) Math.ceil(StrictMath.log10(value) - 1e-10);
    if (point >= 0) {
      s = s.multiply(TENS[point]);
    } else {
      BigInteger scale = TENS[-point];
      r = r.multiply(scale);
      mPlus = mPlus.multiply(scale);
      mMinus = mMinus.multiply(scale);
    }
    // Make the upper end of the interval fall in [0.1, 1) times 10^point.
    while (reachesOne(r.add(mPlus), s, even)) {
      s = s.multiply(BigInteger.TEN);
      point++;
    }
    while (!reachesOne(r.add(mPlus).multiply(BigInteger.TEN), s, even)) {
      r = r.multiply(BigInteger.TEN);
      mPlus = mPlus.multiply(BigInteger.TEN);
      mMinus = mMinus.multiply(BigInteger.TEN);
      point--;
    }
    while (true) {
      r = r.multiply(BigInteger.TEN);
      mPlus = mPlus.multiply(BigInteger.TEN);
      mMinus = mMinus.multiply(BigInteger.TEN);
      BigInteger[] qr = r.divideAndRemainder(s);
      int digit = qr[0].intValue();
      r = qr[1];
      int low = r.compareTo(mMinus);
      boolean lowOk = even ? low <= 0 : low < 0; // stopping here (digit) stays in the interval
      boolean highOk = reachesOne(r.add(mPlus), s, even); // stopping at digit + 1 stays in the interval
      if (!lowOk && !highOk) {
        out.append((char) ('0' + digit));
        continue;
      }
      if (lowOk && highOk) {
        int half = r.shiftLeft(1).compareTo(s);
        if (half > 0 || (half == 0 && (digit & 1) == 1)) {
          digit++;
        }
      } else if (highOk) {
        digit++;
      }
      out.append((char) ('0' + digit));
      return point;
    }
  }

  /** Whether a / s reaches 1: {@code a >= s} when the interval ends are included (even), else {@code a > s}. */
  private static boolean reachesOne(BigInteger a, BigInteger s, boolean even) {
    int c = a.compareTo(s);
    return even ? c >= 0 : c > 0;
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
            out.append("\\u").append(Character.forDigit(c >> 12, 16)).append(Character.forDigit((c >> 8) & 15, 16))
                .append(Character.forDigit((c >> 4) & 15, 16)).append(Character.forDigit(c & 15, 16));
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  /** Whether the char at {@code i} is a surrogate without its pair, which JSON.stringify escapes. */
  public static boolean isLoneSurrogate(String value, int i) {
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
