package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The message of a {@link MastraServiceException}: status, Mastra's error and issues, or the raw body cut at 500. */
class ErrorMessageTest {

  private MockWebServer server;
  private MastraClient client;

  @BeforeEach
  void setUp() throws IOException {
    server = new MockWebServer();
    server.start();
    client = new MastraClient.Builder(name -> null).baseUrl(server.url("/").toString()).maxRetries(0).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    server.close();
  }

  /** The start of every message: the status, the method and the URL of the request. */
  private String prefix() {
    return "HTTP 404 for GET " + server.url("/api/v1/responses/r1");
  }

  private NotFoundException notFound(String contentType, String body) {
    server.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", contentType).body(body).build());
    return catchThrowableOfType(NotFoundException.class, () -> client.responses().retrieve("r1"));
  }

  @Test
  void aRawBodyOfUpTo500CharactersIsTheMessageWhole() {
    String body = "a".repeat(499) + "Z";

    assertThat(notFound("text/plain", body).getMessage()).isEqualTo(prefix() + ": " + body);
  }

  @Test
  void aLongerRawBodyIsCutAt500CharactersButKeptWholeInBody() {
    String body = "a".repeat(500) + "Z";

    NotFoundException e = notFound("text/plain", body);

    assertThat(e.getMessage()).isEqualTo(prefix() + ": " + "a".repeat(500) + "...");
    assertThat(e.body()).isEqualTo(body);
  }

  @Test
  void noBodyIsJustTheStatus() {
    assertThat(notFound("text/plain", "").getMessage()).isEqualTo(prefix());
  }

  @Test
  void mastrasErrorAndIssuesAreTheMessage() {
    NotFoundException e = notFound("application/json",
        "{\"error\":\"Invalid\",\"issues\":[{\"field\":\"a\",\"message\":\"bad\"},{\"field\":\"b\",\"message\":\"worse\"}]}");

    assertThat(e.getMessage()).isEqualTo(prefix() + ": Invalid (a: bad; b: worse)");
    assertThat(e.error()).contains("Invalid");
    assertThat(e.issues()).hasSize(2);
  }

  @Test
  void anErrorWithoutIssuesHasNoParentheses() {
    assertThat(notFound("application/json", "{\"error\":\"Gone\",\"issues\":[]}").getMessage())
        .isEqualTo(prefix() + ": Gone");
    assertThat(notFound("application/json", "{\"error\":\"Gone\"}").issues()).isEmpty();
  }

  @Test
  void aSuccessWhoseBodyIsNotTheModelNamesTheExpectedType() {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .body("[1]").build());

    MastraInvalidResponseException e =
        catchThrowableOfType(MastraInvalidResponseException.class, () -> client.responses().retrieve("r1"));

    assertThat(e.getMessage()).contains("the body is not a valid Response:");
    assertThat(e.body()).isEqualTo("[1]");
  }
}
