package ai.mastra.client.internal;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads a structured answer into the caller's class: the text is parsed, checked against the class's schema
 * ({@link SchemaCheck}), then bound by a Gson that knows {@code Optional} (plain Gson does not; on Java 17 it
 * cannot even reach its fields). Gson's defaults otherwise, so that names are exactly the schema's.
 */
public final class StructuredJson {
  private StructuredJson() {}

  static final Gson GSON =
      new GsonBuilder()
          .disableHtmlEscaping()
          .registerTypeAdapterFactory(new OptionalFactory())
          .registerTypeAdapter(int.class, new Exact<>("int", Integer.MIN_VALUE, Integer.MAX_VALUE, Long::intValue))
          .registerTypeAdapter(Integer.class, new Exact<>("int", Integer.MIN_VALUE, Integer.MAX_VALUE, Long::intValue))
          .registerTypeAdapter(long.class, new Exact<>("long", Long.MIN_VALUE, Long.MAX_VALUE, Long::longValue))
          .registerTypeAdapter(Long.class, new Exact<>("long", Long.MIN_VALUE, Long.MAX_VALUE, Long::longValue))
          .registerTypeAdapter(short.class, new Exact<>("short", Short.MIN_VALUE, Short.MAX_VALUE, Long::shortValue))
          .registerTypeAdapter(Short.class, new Exact<>("short", Short.MIN_VALUE, Short.MAX_VALUE, Long::shortValue))
          .registerTypeAdapter(byte.class, new Exact<>("byte", Byte.MIN_VALUE, Byte.MAX_VALUE, Long::byteValue))
          .registerTypeAdapter(Byte.class, new Exact<>("byte", Byte.MIN_VALUE, Byte.MAX_VALUE, Long::byteValue))
          .create();

  /** Why an answer could not be read: its message is the reason, for the caller's typed exception. */
  public static final class Mismatch extends Exception {
    private static final long serialVersionUID = 1L;

    Mismatch(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Reads {@code text} as a {@code type}.
   *
   * @throws Mismatch if the text is not JSON, does not match the schema, or Gson cannot bind it
   */
  public static <T> T read(String text, Class<T> type, JsonObject schema) throws Mismatch {
    String json = unfence(text.trim());
    if (json.isEmpty()) {
      throw new Mismatch("the answer is empty", null);
    }
    JsonElement tree;
    try {
      tree = JsonParser.parseString(json);
    } catch (JsonParseException e) {
      throw new Mismatch("the answer is not JSON (" + e.getMessage() + ")", e);
    }
    String why = SchemaCheck.mismatch(schema, tree);
    if (why != null) {
      throw new Mismatch("the answer does not match the schema of " + type.getSimpleName() + ": " + why, null);
    }
    try {
      return GSON.fromJson(tree, type);
    } catch (RuntimeException e) {
      throw new Mismatch("the answer cannot be read into " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The JSON inside a Markdown code fence (```json ... ```), which some models put around a JSON answer
   * despite the format; other text as it is.
   */
  static String unfence(String text) {
    if (!text.startsWith("```") || !text.endsWith("```") || text.length() < 6) {
      return text;
    }
    String inner = text.substring(3, text.length() - 3);
    int newline = inner.indexOf('\n');
    if (newline < 0) {
      return text;
    }
    String language = inner.substring(0, newline).trim();
    if (!language.isEmpty() && !language.equalsIgnoreCase("json")) {
      return text;
    }
    return inner.substring(newline + 1).trim();
  }

  /** {@code Optional<T>}, {@code OptionalInt}, {@code OptionalLong}, {@code OptionalDouble}: null is empty. */
  private static final class OptionalFactory implements TypeAdapterFactory {
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> token) {
      Class<?> raw = token.getRawType();
      if (raw == OptionalInt.class) {
        return (TypeAdapter<T>) new Empty<>(gson.getAdapter(Integer.class), OptionalInt.empty(), OptionalInt::of);
      }
      if (raw == OptionalLong.class) {
        return (TypeAdapter<T>) new Empty<>(gson.getAdapter(Long.class), OptionalLong.empty(), OptionalLong::of);
      }
      if (raw == OptionalDouble.class) {
        return (TypeAdapter<T>) new Empty<>(gson.getAdapter(Double.class), OptionalDouble.empty(), OptionalDouble::of);
      }
      if (raw != Optional.class) {
        return null;
      }
      Type type = token.getType();
      Type element = type instanceof ParameterizedType ? ((ParameterizedType) type).getActualTypeArguments()[0]
          : Object.class;
      TypeAdapter<?> inner = gson.getAdapter(TypeToken.get(element));
      return (TypeAdapter<T>) new Empty(inner, Optional.empty(), (java.util.function.Function<Object, Object>) Optional::of);
    }
  }

  /**
   * An integral type read exactly: Gson's own adapters truncate {@code 1e40} or {@code 2.5} into an {@code int}
   * without a word, and the schema says only "integer".
   */
  private static final class Exact<N> extends TypeAdapter<N> {
    private final String name;
    private final long min;
    private final long max;
    private final java.util.function.Function<Long, N> convert;

    Exact(String name, long min, long max, java.util.function.Function<Long, N> convert) {
      this.name = name;
      this.min = min;
      this.max = max;
      this.convert = convert;
    }

    @Override
    public N read(JsonReader in) throws IOException {
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        return null;
      }
      String path = in.getPath();
      String text = in.nextString();
      long value;
      try {
        value = new java.math.BigDecimal(text).longValueExact();
      } catch (ArithmeticException | NumberFormatException e) {
        throw new JsonParseException(text + " at " + path + " is not a whole number within the range of " + name, e);
      }
      if (value < min || value > max) {
        throw new JsonParseException(text + " at " + path + " is not within the range of " + name);
      }
      return convert.apply(value);
    }

    @Override
    public void write(JsonWriter out, N value) {
      throw new UnsupportedOperationException("structured answers are only read");
    }
  }

  /** Reads null as {@code empty}, a value through {@code inner} then {@code wrap}; writes are not needed. */
  private static final class Empty<V, O> extends TypeAdapter<O> {
    private final TypeAdapter<V> inner;
    private final O empty;
    private final java.util.function.Function<V, O> wrap;

    Empty(TypeAdapter<V> inner, O empty, java.util.function.Function<V, O> wrap) {
      this.inner = inner;
      this.empty = empty;
      this.wrap = wrap;
    }

    @Override
    public O read(JsonReader in) throws IOException {
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        return empty;
      }
      V value = inner.read(in);
      return value == null ? empty : wrap.apply(value);
    }

    @Override
    public void write(JsonWriter out, O value) {
      throw new UnsupportedOperationException("structured answers are only read");
    }
  }
}
