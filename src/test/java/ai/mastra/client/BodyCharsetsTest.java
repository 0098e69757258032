package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.testing.Capture;
import ai.mastra.client.testing.RawHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An answer is read in the charset it comes in: UTF-8 with or without a byte order mark, UTF-16 by its mark or
 * its Content-Type, ISO-8859-1 by its Content-Type (the SDK reads UTF-8 straight from the bytes and hands the
 * others to OkHttp's decoding).
 */
class BodyCharsetsTest {
  private static final String CONVERSATION =
      Capture.load("04").responseBody().replace("conv-fixed-1", "conv-\u00e9t\u00e9");

  @ParameterizedTest(name = "{0} {1} bom={2}")
  @CsvSource({
      "UTF-8, '', false",
      "UTF-8, '', true",
      "UTF-8, '; charset=utf-8', true",
      "UTF-16BE, '', true",
      "UTF-16LE, '', true",
      "UTF-16BE, '; charset=utf-16be', false",
      "UTF-16LE, '; charset=utf-16le', false",
      "ISO-8859-1, '; charset=iso-8859-1', false"})
  void anAnswerIsReadInItsCharset(String charsetName, String contentTypeParameter, boolean bom) throws Exception {
    Charset charset = Charset.forName(charsetName);
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    if (bom) {
      body.write("\ufeff".getBytes(charset));
    }
    body.write(CONVERSATION.getBytes(charset));
    byte[] bytes = body.toByteArray();
    try (RawHttpServer server = new RawHttpServer((index, connection) -> {
          while (connection.readRequest() != null) {
            OutputStream out = connection.socket().getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json" + contentTypeParameter
                + "\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
          }
        });
        MastraClient client = MastraClient.builder().baseUrl(server.url()).build()) {
      assertThat(client.conversations().retrieve("c1").getId()).isEqualTo("conv-\u00e9t\u00e9");
    }
  }
}
