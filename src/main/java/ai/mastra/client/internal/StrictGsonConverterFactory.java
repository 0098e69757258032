package ai.mastra.client.internal;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * Gson for Retrofit, with one difference on answers: the body is read whole first, so that an I/O failure
 * (an {@link IOException}) is told apart from a body that is not the promised JSON ({@link
 * InvalidBodyException}), and an empty or {@code null} body, or one that lacks a property the spec requires,
 * is an error instead of a null model or a model of nulls.
 */
final class StrictGsonConverterFactory extends Converter.Factory {
  private final Gson gson;
  private final GsonConverterFactory requests;

  StrictGsonConverterFactory(Gson gson) {
    this.gson = gson;
    this.requests = GsonConverterFactory.create(gson);
  }

  @Override
  public Converter<?, RequestBody> requestBodyConverter(
      Type type, Annotation[] parameterAnnotations, Annotation[] methodAnnotations, Retrofit retrofit) {
    return requests.requestBodyConverter(type, parameterAnnotations, methodAnnotations, retrofit);
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    if (type == ResponseBody.class) {
      return null; // raw bodies (streaming) pass through Retrofit's built-in converter
    }
    TypeAdapter<?> adapter = gson.getAdapter(TypeToken.get(type));
    return body -> {
      String text;
      try (ResponseBody closing = body) {
        text = closing.string();
      }
      return parse(adapter, text, type);
    };
  }

  private Object parse(TypeAdapter<?> adapter, String text, Type type) {
    try {
      JsonReader reader = gson.newJsonReader(new StringReader(text));
      Object value = adapter.read(reader);
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw new JsonParseException("JSON document was not fully consumed");
      }
      if (value == null) {
        throw new InvalidBodyException("the body is empty or null, expected " + typeName(type), text, null);
      }
      String missing = RequiredFields.firstMissing(value);
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
      // Reading from a String fails only on malformed text, never on I/O.
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
