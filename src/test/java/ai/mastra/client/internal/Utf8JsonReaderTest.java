package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Utf8JsonReader} against Gson's own reader, call for call: every recorded exchange, malformed variants of
 * each (a byte replaced by a character that matters to JSON, the text cut short), and hand-made documents for
 * numbers, escapes, keywords, strictness, nesting and the byte order mark. Each document is read several ways
 * (numbers as strings, doubles, longs and ints; strings as numbers; every 3rd or 7th value skipped) and each read
 * leaves a trace: the tokens, values, paths before and after, the character offset and, at the end, the error
 * (class and message) or the reader's own description. The two traces must be equal.
 */
class Utf8JsonReaderTest {
  private static final String MUTATIONS = "{}[],:\"\\/#;=' a0-\n\u0001tn.eE+";

  static Stream<Path> captures() throws IOException {
    Path directory = Paths.get("src/test/resources/captures");
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().collect(Collectors.toList()).stream();
    }
  }

  @ParameterizedTest
  @MethodSource("captures")
  void readsEveryRecordedExchangeAsGsonDoes(Path capture) throws IOException {
    byte[] bytes = Files.readAllBytes(capture);
    assertSameEveryWay(bytes);
    Guesses guesses = new Guesses(true, true);
    assertSame(bytes, Strictness.LEGACY_STRICT, 0, 0, guesses);
    assertThat(guesses.problems).isEmpty();
    // a name read before is always recognised in place (no capture escapes a name)
    assertThat(guesses.namesGuessed).isEqualTo(guesses.namesRead - guesses.names.size()).isPositive();
    assertThat(guesses.stringsGuessed).as("strings read in place").isEqualTo(guesses.stringsRead - guesses.strings.size());
  }

  @ParameterizedTest
  @MethodSource("captures")
  void failsOnMalformedVariantsAsGsonDoes(Path capture) throws IOException {
    byte[] bytes = Files.readAllBytes(capture);
    int positions = 12;
    for (int k = 1; k <= positions; k++) {
      int at = (int) ((long) bytes.length * k / (positions + 1));
      byte[] cut = java.util.Arrays.copyOf(bytes, at);
      assertSame(cut, Strictness.LEGACY_STRICT, 0, 0);
      for (char replacement : MUTATIONS.toCharArray()) {
        byte[] changed = bytes.clone();
        changed[at] = (byte) replacement;
        assertSame(changed, Strictness.LEGACY_STRICT, 0, 0);
        assertSame(changed, Strictness.STRICT, 1, 3);
      }
    }
  }

  static Stream<String> documents() {
    List<String> documents = new ArrayList<>(List.of(
        "", " ", "\n\n", "\"top\"", "12", "-0", "true", "null", "[]", "{}", "[[]]", "{\"a\":{}}",
        "{\"a\":1e5,\"b\":-0,\"c\":-0.0,\"d\":9223372036854775807,\"e\":-9223372036854775808,"
            + "\"f\":9223372036854775808,\"g\":1.5,\"h\":\"12\",\"i\":\"1.0\",\"j\":\"x\",\"k\":2147483648,"
            + "\"l\":\"1e3\",\"m\":1E+2,\"n\":1e-2,\"o\":\"-12\",\"p\":\" 1\",\"q\":\"\u0661\"}",
        "[01]", "[1.]", "[.5]", "[-]", "[1e]", "[1e+]", "[--1]", "[1-]", "[+1]", "[0x10]", "[1e400]", "[\"1e400\"]",
        "[NaN]", "[\"NaN\"]", "[Infinity]", "[-1.5e-7]", "[" + "9".repeat(30) + "]", "[" + "1".repeat(1100) + "]",
        "[TRUE,False,nULL]", "[NULL,Null]", "[\"\u007f1\"]", "[truex]", "[nul]", "[tru]", "[t]", "[true1]", "[null,]", "[1,]", "[,1]", "[1 2]",
        "[1;2]", "{\"a\":1,}", "{,}", "{\"a\" 1}", "{\"a\"=1}", "{\"a\"=>1}", "{'a':1}", "{a:1}", "{\"a\":1;\"b\":2}",
        "{\"a\":1 \"b\":2}", "{\"a\"}", "{\"a\":}", "{:1}", "{1:1}", "[}", "{]", "]", "}", ",", ":",
        "// c\n[]", "# c\n[]", "/* c */[]", "[]/", "[] []", "[]x", ")]}'\n[]", "[\"a\u0001b\"]", "[\"a\tb\"]",
        "[\"a\nb\"]", "[\"a\\\nb\"]", "[\"\\'\"]", "[\"\\x\"]", "[\"\\u12\"]", "[\"\\u12G4\"]", "[\"\\u00e9\\u00E9\"]",
        "[\"\\ud83d\\ude00\"]", "[\"\\ud83d\"]", "[\"\\ude00x\"]", "[\"\\/\\b\\f\\n\\r\\t\\\\\\\"\"]", "[\"abc",
        "[\"\\", "[\"\\u", "\"", "[\"caf\u00e9 \ud83d\ude00 \u4e2d\"]", "{\"caf\u00e9\":\"\u00e9\",\"\u4e2d\":[\"\u4e2d\"]}",
        "\ufeff[1]", "\ufeff", "[1]\ufeff", "{\"a\":[{\"b\":[1,{\"c\":null}]},2],\"d\":{\"e\":\"f\"}}",
        "[\"12\",\"1.0\",\"x\",\"-3\",\"2147483648\",\"1e2\",\"\u0661\",12,1.5]",
        "[90,19,0,9,-0.9e9,1E0]", "[\"\\u0a9f\\uAF09\\u09fa\\u0A0F\\u000g\"]", "[\"\\u0/00\"]", "[\"\\u0:00\"]",
        "[\"\\u0@00\"]", "[\"\\u0G00\"]", "[\"\\u0`00\"]", "[\"\\u0g00\"]", "{\"a\":{\"b\":[1,{}]},\"c\":2}",
        "[\"" + "x".repeat(3000) + "\\n" + "y".repeat(20) + "\"]", "{\"" + "k".repeat(25) + "\":\"" + "v".repeat(19) + "\"}"));
    // the edges of int and long, quoted (read by parsing the string) and not (read digit by digit)
    documents.add("[\"2147483647\",\"2147483648\",\"-2147483648\",\"-2147483649\",\"9223372036854775807\","
        + "\"9223372036854775808\",\"-9223372036854775808\",\"-9223372036854775809\"]");
    documents.add("[2147483647,-2147483648,-2147483649,-9223372036854775807,-9223372036854775808,"
        + "-9223372036854775809,-9223372036854775810,-922337203685477580,-9223372036854775799]");
    documents.add("[".repeat(255) + "]".repeat(255));
    documents.add("[".repeat(256) + "]".repeat(256));
    documents.add("{\"a\":".repeat(256) + "1" + "}".repeat(256));
    return documents.stream();
  }

  @ParameterizedTest
  @MethodSource("documents")
  void readsHandMadeDocumentsAsGsonDoes(String document) throws IOException {
    assertSameEveryWay(document.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @MethodSource("typedObjects")
  void looksAheadPastEveryKindOfValueToTheType(String document, String type) throws IOException {
    byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
    Utf8JsonReader reader = new Utf8JsonReader(bytes, 0, bytes.length);
    reader.beginObject();
    assertThat(reader.peekMemberString("type".getBytes(StandardCharsets.UTF_8), null, null)).isEqualTo(type);
    // and reads on as if it had not looked: the same trace as Gson's, the look-ahead checked against the read
    // (a type found where it should be, except where its name or value has escapes)
    Guesses guesses = new Guesses(true, type != null);
    assertSame(bytes, Strictness.LEGACY_STRICT, 0, 0, guesses);
    assertThat(guesses.problems).isEmpty();
  }

  static Stream<Arguments> typedObjects() {
    return Stream.of(
        Arguments.of("{\"type\":\"t\"}", "t"),
        Arguments.of("{ \"type\" :\n\"t\" , \"a\":1}", "t"),
        Arguments.of("{\"a\":\"x\\\"y\",\"type\":\"t\"}", "t"),
        Arguments.of("{\"a\":\"x\\\\\",\"type\":\"t\"}", "t"),
        Arguments.of("{\"a\":\"\\u0022,\\\"type\\\":\\\"no\",\"type\":\"t\"}", "t"),
        Arguments.of("{\"a\":{\"b\":\"}\",\"type\":\"in\"},\"type\":\"t\"}", "t"),
        Arguments.of("{\"a\":[1,{\"type\":\"in\"},\"]\"],\"type\":\"t\"}", "t"),
        Arguments.of("{\"a\":true,\"b\":null,\"c\":-1.5e3,\"d\":[],\"e\":{},\"type\":\"t\"}", "t"),
        Arguments.of("{\"types\":\"x\",\"typ\":\"y\",\"type\":\"t\",\"type\":\"second\"}", "t"),
        Arguments.of("{\"caf\u00e9\":\"\u00e9\",\"type\":\"\u4e2d\"}", "\u4e2d"),
        Arguments.of("{\"type\":\"" + "k".repeat(40) + "\"}", "k".repeat(40)),
        Arguments.of("{\"type\":\"\"}", ""),
        // nothing to find: no type, one that is not a plain string, or one that needs its escapes read
        Arguments.of("{}", null),
        Arguments.of("{\"a\":\"type\"}", null),
        Arguments.of("{\"a\":{\"type\":\"in\"}}", null),
        Arguments.of("{\"type\":1}", null),
        Arguments.of("{\"type\":null}", null),
        Arguments.of("{\"type\":{\"type\":\"in\"}}", null),
        Arguments.of("{\"type\":\"a\\\"b\"}", null),
        Arguments.of("{\"\\u0074ype\":\"t\"}", null));
  }

  @Test
  void theLikelyTypeComesBackItselfAndOthersAsBefore() throws IOException {
    byte[] bytes = "[{\"type\":\"message\"},{\"type\":\"messages\"},{\"type\":\"messagE\"}]".getBytes(StandardCharsets.UTF_8);
    Utf8JsonReader reader = new Utf8JsonReader(bytes, 0, bytes.length);
    byte[] type = "type".getBytes(StandardCharsets.UTF_8);
    String likely = new String("message".toCharArray()); // not the literal: identity tells it was returned
    reader.beginArray();
    List<String> found = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      reader.beginObject();
      found.add(reader.peekMemberString(type, likely, likely.getBytes(StandardCharsets.UTF_8)));
      assertThat(reader.nextName()).isEqualTo("type");
      reader.skipValue();
      reader.endObject();
    }
    assertThat(found.get(0)).isSameAs(likely);
    assertThat(found.subList(1, 3)).containsExactly("messages", "messagE");
  }

  @Test
  void aNameComparedInPlaceIsReadOnlyWhenItIsTheWholeName() throws IOException {
    byte[] bytes = "{\"type\":1,\"typed\":2,\"ty\":3,\"\\u0074ype\":4,\"type\":5}".getBytes(StandardCharsets.UTF_8);
    Utf8JsonReader reader = new Utf8JsonReader(bytes, 0, bytes.length);
    byte[] type = "type".getBytes(StandardCharsets.UTF_8);
    reader.beginObject();
    List<String> read = new ArrayList<>();
    while (reader.hasNext()) {
      boolean inPlace = reader.nextNameIs(type, "type");
      String name = inPlace ? "type" : reader.nextName();
      read.add((inPlace ? "in place " : "") + name + " " + reader.getPath() + "=" + reader.nextInt());
    }
    reader.endObject();
    assertThat(read).containsExactly(
        "in place type $.type=1", "typed $.typed=2", "ty $.ty=3", "type $.type=4", "in place type $.type=5");
    assertThatThrownBy(() -> reader.nextNameIs(type, "type")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Expected a name but was END_DOCUMENT");
  }

  @Test
  void aSharedShortStringIsNeverAnotherString() throws IOException {
    // strings of one length, first, middle and last byte share a slot: only a compare of the bytes tells them apart
    String[] names = {"Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa", "axyb", "azyb", "p0q", "p1q", "\u00e9", "\u00c3\u00a9"};
    StringBuilder json = new StringBuilder("{");
    for (int round = 0; round < 3; round++) {
      for (String name : names) {
        json.append(json.length() > 1 ? "," : "").append('"').append(name).append(round).append("\":\"").append(name).append('"');
      }
    }
    json.append('}');
    assertSameEveryWay(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void oneReaderResetForEachDocumentReadsEachAsANewOne() throws IOException {
    // as a stream reads its events: documents that fail half-way, nest deep or end early come before others
    Utf8JsonReader reused = new Utf8JsonReader(new byte[0], 0, 0);
    for (String document : (Iterable<String>) documents()::iterator) {
      for (int numbers = 0; numbers < 3; numbers++) {
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        reused.reset(bytes, 0, bytes.length);
        List<String> expected = trace(gson(document, Strictness.LEGACY_STRICT), numbers, numbers * 2);
        List<String> actual = trace(reused, numbers, numbers * 2);
        if (!isAscii(bytes)) {
          expected.replaceAll(Utf8JsonReaderTest::withoutColumn);
          actual.replaceAll(Utf8JsonReaderTest::withoutColumn);
        }
        assertThat(actual).as(preview(bytes)).isEqualTo(expected);
      }
    }
  }

  @Test
  void resetRefusesARangeOutsideTheArray() {
    Utf8JsonReader reader = new Utf8JsonReader(new byte[0], 0, 0);
    byte[] bytes = "[1]".getBytes(StandardCharsets.UTF_8);
    for (int[] range : new int[][] {{-1, 1}, {0, -1}, {0, 4}, {1, 3}, {3, 1}, {4, 0}}) {
      assertThatThrownBy(() -> reader.reset(bytes, range[0], range[1])).as(range[0] + "+" + range[1])
          .isInstanceOf(IndexOutOfBoundsException.class).hasMessage("offset " + range[0] + ", length " + range[1] + ", of 3");
    }
    reader.reset(bytes, 3, 0); // the empty range at the end is inside
  }

  @Test
  void theTextNeedNotStartAtTheArraysStart() throws IOException {
    byte[] framed = "xx[\"in\",1]yy".getBytes(StandardCharsets.UTF_8);
    Utf8JsonReader reader = new Utf8JsonReader(framed, 2, framed.length - 4);
    assertThat(trace(reader, 0, 0)).isEqualTo(trace(gson("[\"in\",1]", Strictness.LEGACY_STRICT), 0, 0));
  }

  private static void assertSameEveryWay(byte[] bytes) throws IOException {
    for (int numbers = 0; numbers < 7; numbers++) {
      assertSame(bytes, Strictness.LEGACY_STRICT, numbers, 0);
    }
    assertSame(bytes, Strictness.LEGACY_STRICT, 0, 3);
    assertSame(bytes, Strictness.LEGACY_STRICT, 2, 7);
    assertSame(bytes, Strictness.STRICT, 0, 0);
    assertSame(bytes, Strictness.STRICT, 3, 5);
  }

  private static void assertSame(byte[] bytes, Strictness strictness, int numbers, int skipEvery) throws IOException {
    assertSame(bytes, strictness, numbers, skipEvery, null);
    // again with the model adapters' shortcuts: names compared in place, each object's "type" looked up ahead
    Guesses guesses = new Guesses(skipEvery == 0 && numbers < 4, false);
    assertSame(bytes, strictness, numbers, skipEvery, guesses);
    assertThat(guesses.problems).as("%s, numbers %d, skip every %d: %s", strictness, numbers, skipEvery, preview(bytes))
        .isEmpty();
  }

  private static void assertSame(byte[] bytes, Strictness strictness, int numbers, int skipEvery, Guesses guesses)
      throws IOException {
    JsonReader ours = new Utf8JsonReader(bytes, 0, bytes.length);
    ours.setStrictness(strictness);
    List<String> expected = trace(gson(new String(bytes, StandardCharsets.UTF_8), strictness), numbers, skipEvery);
    List<String> actual = trace(ours, numbers, skipEvery, guesses);
    if (!isAscii(bytes)) { // columns count bytes here, chars there
      expected.replaceAll(Utf8JsonReaderTest::withoutColumn);
      actual.replaceAll(Utf8JsonReaderTest::withoutColumn);
    }
    int first = 0;
    while (first < Math.min(expected.size(), actual.size()) && expected.get(first).equals(actual.get(first))) {
      first++;
    }
    assertThat(actual.subList(first, actual.size())) // from the first difference: short messages
        .as("%s, numbers %d, skip every %d, step %d of: %s", strictness, numbers, skipEvery, first, preview(bytes))
        .isEqualTo(expected.subList(first, expected.size()));
  }

  private static JsonReader gson(String text, Strictness strictness) {
    JsonReader reader = new JsonReader(new StringReader(text));
    reader.setStrictness(strictness);
    return reader;
  }

  /**
   * Reads the whole document: {@code numbers} picks how numbers (0 string, 1 double, 2 long, 3 int) or strings (4
   * long, 5 double, 6 int) are read; {@code skipEvery} skips every n-th value instead of reading it.
   */
  private static List<String> trace(JsonReader in, int numbers, int skipEvery) {
    return trace(in, numbers, skipEvery, null);
  }

  /** As above; with {@code guesses}, {@code in} is a {@link Utf8JsonReader} read through its shortcuts. */
  private static List<String> trace(JsonReader in, int numbers, int skipEvery, Guesses guesses) {
    List<String> out = new ArrayList<>();
    int step = 0;
    try {
      while (true) {
        JsonToken token = in.peek();
        out.add(token + " " + in.getPath() + " " + in.getPreviousPath() + " @" + in.getCharacterOffset());
        step++;
        boolean value = token != JsonToken.END_DOCUMENT && token != JsonToken.END_ARRAY && token != JsonToken.END_OBJECT;
        if (guesses != null) {
          guesses.token(token);
        }
        if (skipEvery > 0 && value && step % skipEvery == 0) {
          in.skipValue();
          out.add("skipped " + in.getPath() + " " + in.getPreviousPath());
          continue;
        }
        switch (token) {
          case BEGIN_ARRAY:
            in.beginArray();
            break;
          case END_ARRAY:
            in.endArray();
            break;
          case BEGIN_OBJECT:
            in.beginObject();
            if (guesses != null) {
              guesses.objectBegun((Utf8JsonReader) in);
            }
            break;
          case END_OBJECT:
            in.endObject();
            if (guesses != null) {
              guesses.objectEnded();
            }
            break;
          case NAME:
            out.add("name " + (guesses != null ? guesses.name((Utf8JsonReader) in) : in.nextName()));
            break;
          case STRING:
            String text = numbers >= 4
                ? asNumber(in, new int[] {2, 1, 3}[numbers - 4])
                : guesses != null ? guesses.string((Utf8JsonReader) in) : in.nextString();
            if (guesses != null) {
              guesses.stringRead(text);
            }
            out.add("string " + text);
            break;
          case NUMBER:
            out.add("number " + asNumber(in, numbers));
            break;
          case BOOLEAN:
            out.add("boolean " + in.nextBoolean());
            break;
          case NULL:
            in.nextNull();
            out.add("null");
            break;
          case END_DOCUMENT:
            out.add("end " + in);
            in.close();
            out.add("closed " + in.getPath());
            in.peek(); // throws: closed
            return out;
          default:
            throw new AssertionError(token);
        }
      }
    } catch (IOException | RuntimeException e) {
      out.add(e.getClass().getName() + ": " + e.getMessage() + " / " + in.getPath() + " @" + in.getCharacterOffset());
      return out;
    }
  }

  /**
   * Reads names as a model adapter does, with {@link Utf8JsonReader#nextNameIs} first (guessing each name read
   * before, then {@link JsonReader#nextName()}), strings likewise with {@link Utf8JsonReader#nextStringIs}, and looks ahead at each object's start with {@link
   * Utf8JsonReader#peekMemberString} for its {@code "type"}. A wrong answer of either changes the trace. Where
   * {@code checked} (every string read as a string), what the look-ahead found must be the object's first {@code
   * "type"}; where also {@code complete} (well-formed documents whose types have no escapes), a look-ahead that
   * found nothing must be for an object without a string type.
   */
  private static final class Guesses {
    private static final byte[] TYPE = {'t', 'y', 'p', 'e'};
    final List<String> problems = new ArrayList<>();
    private final boolean checked;
    private final boolean complete;
    private final List<String> names = new ArrayList<>(); // each distinct name read
    private final List<String> strings = new ArrayList<>(); // each distinct string value read
    int stringsRead;
    int stringsGuessed;
    int namesRead;
    int namesGuessed;
    private final java.util.ArrayDeque<String[]> objects = new java.util.ArrayDeque<>(); // {found ahead, read}
    private String likely;
    private boolean typeNext; // the last token was the open object's first "type" name
    private boolean typeWasNext;

    Guesses(boolean checked, boolean complete) {
      this.checked = checked;
      this.complete = complete;
    }

    void token(JsonToken token) {
      typeWasNext = typeNext;
      typeNext = false;
    }

    String name(Utf8JsonReader in) throws IOException {
      String name = null;
      for (int k = names.size() - 1; k >= 0 && name == null; k--) {
        byte[] bytes = ModelAdapterFactory.ModelClass.plainBytes(names.get(k));
        if (bytes != null && in.nextNameIs(bytes, names.get(k))) {
          name = names.get(k);
        }
      }
      if (name == null) {
        name = in.nextName();
        if (!names.contains(name)) {
          names.add(name);
        }
      } else {
        namesGuessed++;
      }
      namesRead++;
      typeNext = name.equals("type") && !objects.isEmpty() && objects.peek()[1] == null;
      return name;
    }

    /** A string value: each one read before tried in place first, as a variant's kind or an enum's constants. */
    String string(Utf8JsonReader in) throws IOException {
      stringsRead++;
      for (int k = strings.size() - 1; k >= 0; k--) {
        byte[] bytes = ModelAdapterFactory.ModelClass.plainBytes(strings.get(k));
        if (bytes != null && in.nextStringIs(bytes)) {
          stringsGuessed++;
          return strings.get(k);
        }
      }
      String text = in.nextString();
      if (!strings.contains(text)) {
        strings.add(text);
      }
      return text;
    }

    void objectBegun(Utf8JsonReader in) throws IOException {
      byte[] likelyBytes = likely == null ? null : likely.getBytes(StandardCharsets.UTF_8);
      String ahead = in.peekMemberString(TYPE, likely, likelyBytes);
      if (ahead != null) {
        likely = ahead;
      }
      objects.push(new String[] {ahead, null});
    }

    void stringRead(String text) {
      if (typeWasNext) {
        objects.peek()[1] = text;
      }
    }

    void objectEnded() {
      String[] object = objects.pop();
      if (!checked) {
        return; // values skipped or read as numbers: what was read is not the type's text
      }
      if (object[0] != null && !object[0].equals(object[1])) {
        problems.add("looked ahead to type " + object[0] + ", read " + object[1]);
      } else if (object[0] == null && object[1] != null && complete) {
        problems.add("did not look ahead to type " + object[1]);
      }
    }
  }

  private static String asNumber(JsonReader in, int numbers) throws IOException {
    try {
      return readNumber(in, numbers);
    } catch (NumberFormatException e) {
      String again; // the refused value is a string now: Gson's reader reads it as a double, not a long or int
      try {
        again = readNumber(in, numbers);
      } catch (RuntimeException second) {
        again = second.getClass().getName() + ": " + second.getMessage();
      }
      return "refused (" + e.getMessage() + "), again: " + again + ", then " + in.nextString();
    }
  }

  private static String readNumber(JsonReader in, int numbers) throws IOException {
    switch (numbers) {
      case 1:
        return "double " + in.nextDouble();
      case 2:
        return "long " + in.nextLong();
      case 3:
        return "int " + in.nextInt();
      default:
        return in.nextString();
    }
  }

  private static boolean isAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static String withoutColumn(String line) {
    return line.replaceAll("column \\d+", "column _");
  }

  private static String preview(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.length() > 80 ? text.substring(0, 80) + "..." : text;
  }
}
