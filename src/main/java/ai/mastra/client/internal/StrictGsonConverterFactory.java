package ai.mastra.client.internal;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Gson for Retrofit, with one difference on answers: the body is read whole first, so that an I/O failure
 * (an {@link IOException}) is told apart from a body that is not the promised JSON ({@link
 * InvalidBodyException}), and an empty or {@code null} body, or one that lacks a property the spec requires,
 * is an error instead of a null model or a model of nulls.
 */
final class StrictGsonConverterFactory extends Converter.Factory {
  private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");
  private final Gson gson;

  StrictGsonConverterFactory(Gson gson) {
    this.gson = gson;
  }

  /**
   * Requests as Retrofit's Gson converter writes them (the same {@link JsonWriter}, the same bytes), encoded
   * straight into an okio buffer: Retrofit's converter puts an {@code OutputStreamWriter} in between, whose
   * encoder allocates an 8 KiB buffer for every request.
   */
  @Override
  public Converter<?, RequestBody> requestBodyConverter(
      Type type, Annotation[] parameterAnnotations, Annotation[] methodAnnotations, Retrofit retrofit) {
    @SuppressWarnings("unchecked")
    TypeAdapter<Object> adapter = (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(type));
    return value -> {
      Buffer buffer = new Buffer();
      try (JsonWriter writer = gson.newJsonWriter(new Utf8Writer(buffer))) {
        adapter.write(writer, value);
      }
      return RequestBody.create(buffer.readByteString(), JSON);
    };
  }

  /** Encodes chars as UTF-8 into an okio buffer, with no buffer of its own. */
  private static final class Utf8Writer extends Writer {
    private final Buffer sink;

    Utf8Writer(Buffer sink) {
      this.sink = sink;
    }

    @Override
    public void write(String text, int offset, int length) {
      sink.writeUtf8(text, offset, offset + length);
    }

    @Override
    public void write(int c) {
      sink.writeUtf8CodePoint(c & 0xffff); // a lone surrogate half: okio writes ?, as the JDK encoder does
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      write(new String(chars, offset, length), 0, length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    if (type == ResponseBody.class) {
      return null; // raw bodies (streaming) pass through Retrofit's built-in converter
    }
    TypeAdapter<?> adapter = gson.getAdapter(TypeToken.get(type));
    return body -> {
      try (ResponseBody closing = body) {
        BufferedSource source = closing.source();
        source.request(Long.MAX_VALUE); // the whole body: an I/O failure is an IOException here, never later
        if (isUtf8(closing.contentType(), source.getBuffer())) {
          byte[] bytes = source.readByteArray();
          return parse(adapter, new Utf8JsonReader(bytes, 0, bytes.length), () -> utf8Text(bytes), type);
        }
        // OkHttp's decoding for the rest: a UTF-16 or UTF-32 byte order mark, or the Content-Type's charset
        String text = closing.string();
        return parse(adapter, gson.newJsonReader(new StringReader(text)), () -> text, type);
      }
    };
  }

  /**
   * Whether the body is UTF-8: no charset but UTF-8 named, and no UTF-16 or UTF-32 byte order mark (JSON text,
   * whose first character is ASCII, starts with none of the bytes those marks start with).
   */
  private static boolean isUtf8(MediaType contentType, Buffer body) {
    java.nio.charset.Charset charset = contentType == null ? null : contentType.charset(null);
    if (charset != null && charset != StandardCharsets.UTF_8) {
      return false;
    }
    if (body.size() == 0) {
      return true;
    }
    byte first = body.getByte(0);
    return first != 0 && first != (byte) 0xFE && first != (byte) 0xFF;
  }

  /** The body as OkHttp's {@code string()} would have made it, for error messages only. */
  private static String utf8Text(byte[] bytes) {
    boolean bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
    return bom
        ? new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)
        : new String(bytes, StandardCharsets.UTF_8);
  }

  private Object parse(TypeAdapter<?> adapter, JsonReader reader, Supplier<String> text, Type type) {
    try {
      ModelAdapterFactory.startDecoding();
      Object value = adapter.read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new JsonParseException("JSON document was not fully consumed");
      }
      if (value == null) {
        throw new InvalidBodyException("the body is empty or null, expected " + typeName(type), text.get(), null);
      }
      // the walk through every model is needed only when one read lacked (or may have lacked) a property
      String missing = ModelAdapterFactory.mayBeIncomplete() ? RequiredFields.firstMissing(value) : null;
      if (missing != null) {
        throw new InvalidBodyException(
            "the body is not a valid " + typeName(type) + ": the required property " + missing + " is missing",
            text.get(),
            null);
      }
      return value;
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidBodyException) {
        throw (InvalidBodyException) e;
      }
      // The body is in memory: reading it fails only on malformed text, never on I/O.
      throw new InvalidBodyException(
          "the body is not a valid " + typeName(type) + ": " + e.getMessage(), text.get(), e);
    }
  }

  private static String typeName(Type type) {
    String name = type.getTypeName();
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** A success answer whose body is not the expected JSON. */
  static final class InvalidBodyException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String body;

    InvalidBodyException(String message, String body, Throwable cause) {
      super(message, cause);
      this.body = body;
    }
  }
}
