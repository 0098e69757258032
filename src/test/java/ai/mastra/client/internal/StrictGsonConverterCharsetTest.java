package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import retrofit2.Converter;

/**
 * How {@link StrictGsonConverterFactory} decodes an answer's bytes: UTF-8 by default, the Content-Type's
 * charset when it names another, and the charset of a byte order mark (UTF-8, UTF-16 or UTF-32) whatever the
 * header says, as OkHttp's own decoding does.
 */
class StrictGsonConverterCharsetTest {
  private static final String TEXT = "caf\u00e9 \u20ac \ud83d\ude00";
  private static final String JSON = "{\"t\":\"" + TEXT + "\"}";
  private static final MediaType PLAIN_JSON = MediaType.get("application/json");

  private final StrictGsonConverterFactory factory = new StrictGsonConverterFactory(Json.GSON);

  private <T> T convert(Class<T> type, byte[] body, MediaType contentType) throws IOException {
    @SuppressWarnings("unchecked")
    Converter<ResponseBody, T> converter =
        (Converter<ResponseBody, T>) factory.responseBodyConverter(type, new Annotation[0], null);
    return converter.convert(ResponseBody.create(body, contentType));
  }

  private String text(byte[] body, MediaType contentType) throws IOException {
    return convert(JsonObject.class, body, contentType).get("t").getAsString();
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] all = new byte[first.length + second.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  @Test
  void utf8WithOrWithoutAContentTypeOrACharset() throws IOException {
    byte[] utf8 = JSON.getBytes(StandardCharsets.UTF_8);
    assertThat(text(utf8, PLAIN_JSON)).isEqualTo(TEXT);
    assertThat(text(utf8, null)).as("no Content-Type at all").isEqualTo(TEXT);
    assertThat(text(utf8, MediaType.get("application/json; charset=utf-8"))).isEqualTo(TEXT);
  }

  @Test
  void theContentTypesCharsetWhenItIsNotUtf8() throws IOException {
    String latin = "{\"t\":\"caf\u00e9 \u00fc\"}";
    assertThat(text(latin.getBytes(StandardCharsets.ISO_8859_1), MediaType.get("application/json; charset=ISO-8859-1")))
        .isEqualTo("caf\u00e9 \u00fc");
    assertThat(text(JSON.getBytes(StandardCharsets.UTF_16LE), MediaType.get("application/json; charset=utf-16le")))
        .isEqualTo(TEXT);
  }

  @Test
  void aUtf8ByteOrderMarkIsSkippedAndNotPartOfTheBodyShownInAnError() throws IOException {
    byte[] bom = bytes(0xEF, 0xBB, 0xBF);
    assertThat(text(concat(bom, JSON.getBytes(StandardCharsets.UTF_8)), PLAIN_JSON)).isEqualTo(TEXT);
    assertThat(text(concat(bom, JSON.getBytes(StandardCharsets.UTF_8)),
        MediaType.get("application/json; charset=ISO-8859-1"))).as("the mark wins over the header").isEqualTo(TEXT);

    assertThatThrownBy(() -> convert(JsonObject.class, concat(bom, "{\"t\":".getBytes(StandardCharsets.UTF_8)), PLAIN_JSON))
        .isInstanceOfSatisfying(StrictGsonConverterFactory.InvalidBodyException.class,
            e -> assertThat(e.body).isEqualTo("{\"t\":"));
  }

  @Test
  void utf16AndUtf32ByteOrderMarksChooseTheirCharset() throws IOException {
    assertThat(text(concat(bytes(0xFE, 0xFF), JSON.getBytes(StandardCharsets.UTF_16BE)), PLAIN_JSON))
        .as("UTF-16BE").isEqualTo(TEXT);
    assertThat(text(concat(bytes(0xFF, 0xFE), JSON.getBytes(StandardCharsets.UTF_16LE)), PLAIN_JSON))
        .as("UTF-16LE").isEqualTo(TEXT);
    assertThat(text(concat(bytes(0, 0, 0xFE, 0xFF), JSON.getBytes(Charset.forName("UTF-32BE"))), PLAIN_JSON))
        .as("UTF-32BE").isEqualTo(TEXT);
    assertThat(text(concat(bytes(0xFF, 0xFE, 0, 0), JSON.getBytes(Charset.forName("UTF-32LE"))), PLAIN_JSON))
        .as("UTF-32LE").isEqualTo(TEXT);
  }

  @Test
  void bodiesOfNoneOneAndTwoBytes() throws IOException {
    assertThatThrownBy(() -> convert(JsonObject.class, new byte[0], PLAIN_JSON))
        .isInstanceOfSatisfying(StrictGsonConverterFactory.InvalidBodyException.class,
            e -> assertThat(e.body).isEmpty())
        .hasMessageContaining("End of input");
    assertThatThrownBy(() -> convert(Long.class, bytes('n', 'u', 'l', 'l'), PLAIN_JSON))
        .hasMessageContaining("the body is empty or null");
    assertThat(convert(Long.class, bytes('7'), PLAIN_JSON)).isEqualTo(7L);
    assertThat(convert(Long.class, bytes('4', '2'), null)).isEqualTo(42L);
    assertThat(convert(JsonObject.class, bytes('{', '}'), PLAIN_JSON).size()).isZero();
  }

  @Test
  void bytesThatAreNotUtf8BecomeReplacementCharactersShownInTheError() throws IOException {
    // a lone FE or FF (no byte order mark) and a stray byte: the same U+FFFD whichever way the body is decoded
    for (byte[] body : new byte[][] {bytes(0xFE, '{'), bytes(0xFF), bytes('{', 0xC3, '}')}) {
      assertThatThrownBy(() -> convert(JsonObject.class, body, PLAIN_JSON))
          .isInstanceOfSatisfying(StrictGsonConverterFactory.InvalidBodyException.class,
              e -> assertThat(e.body).isEqualTo(new String(body, StandardCharsets.UTF_8)));
    }
  }

  @Test
  void requestsAreUtf8JsonWithOnlyTheCharsGsonWrites() throws IOException {
    @SuppressWarnings("unchecked")
    Converter<JsonObject, RequestBody> converter = (Converter<JsonObject, RequestBody>)
        factory.requestBodyConverter(JsonObject.class, new Annotation[0], new Annotation[0], null);
    JsonObject value = new JsonObject();
    value.addProperty("t", TEXT + " \ud800 <>");

    RequestBody body = converter.convert(value);
    Buffer written = new Buffer();
    body.writeTo(written);

    assertThat(body.contentType()).hasToString("application/json; charset=UTF-8");
    // a lone surrogate half is written as ?, as the JDK encoder writes it
    assertThat(written.readUtf8()).isEqualTo(Json.GSON.toJson(value).replace('\ud800', '?'));
  }
}
