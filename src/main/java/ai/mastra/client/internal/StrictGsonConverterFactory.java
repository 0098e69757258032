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
        // OkHttp's decoding: a byte order mark (UTF-8, UTF-16 or UTF-32) first, else the Content-Type's charset,
        // UTF-8 by default. One String of the whole body: a decoder of our own, from the bytes straight into
        // Gson's reader, saved that String (about 25 KB of a 100-item page) but not time, and under load from a
        // cold start its loop could stay interpreted for 10-25 s (the JIT's queue starved its compilation): 16
        // callers then ran at a tenth of their speed. The JDK's decoding is compiled early.
        String text = closing.string();
        return parse(adapter, text, type);
      }
    };
  }

  private Object parse(TypeAdapter<?> adapter, String text, Type type) {
    try {
      JsonReader reader = gson.newJsonReader(new StringReader(text));
      ModelAdapterFactory.startDecoding();
      Object value = adapter.read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new JsonParseException("JSON document was not fully consumed");
      }
      if (value == null) {
        throw new InvalidBodyException("the body is empty or null, expected " + typeName(type), text, null);
      }
      // the walk through every model is needed only when one read lacked (or may have lacked) a property
      String missing = ModelAdapterFactory.mayBeIncomplete() ? RequiredFields.firstMissing(value) : null;
      if (missing != null) {
        throw new InvalidBodyException(
            "the body is not a valid " + typeName(type) + ": the required property " + missing + " is missing",
            text,
            null);
      }
      return value;
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidBodyException) {
        throw (InvalidBodyException) e;
      }
      // The body is in memory: reading it fails only on malformed text, never on I/O.
      throw new InvalidBodyException(
          "the body is not a valid " + typeName(type) + ": " + e.getMessage(), text, e);
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
