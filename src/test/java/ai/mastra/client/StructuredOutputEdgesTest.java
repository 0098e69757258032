package ai.mastra.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.ResponseCreateRequest;
import com.github.tomakehurst.wiremock.http.Fault;
import com.google.gson.JsonParser;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** StructuredOutput's accessors, the exception's message, the async failure path and the schema cache. */
class StructuredOutputEdgesTest extends WireMockClientTest {
  static final class Ticket {
    String summary;
  }

  static final class Echo {
    String echo;
  }

  @Test
  void nameIsTheClassesSimpleName() {
    assertThat(StructuredOutput.of(Ticket.class).name()).isEqualTo("Ticket");
  }

  @Test
  void toStringNamesTheClassAndShowsTheSchema() {
    StructuredOutput<Ticket> output = StructuredOutput.of(Ticket.class);

    assertThat(output.toString()).isEqualTo(
        "StructuredOutput{ai.mastra.client.StructuredOutputEdgesTest$Ticket: " + output.schemaJson() + "}");
    assertThat(output.schemaJson()).isEqualTo("{\"type\":\"object\",\"properties\":{\"summary\":{\"type\":"
        + "\"string\"}},\"required\":[\"summary\"],\"additionalProperties\":false}");
  }

  @Test
  void anAnswerOfExactly200CharactersIsShownWholeInTheMessage() {
    String text = "{\"summary\":\"" + "x".repeat(186) + "\"}";
    assertThat(text).hasSize(200);
    String wrong = text.replace("summary", "summarz");
    assertThat(wrong).hasSize(200);

    assertThatThrownBy(() -> StructuredOutput.of(Ticket.class).parse(wrong))
        .isInstanceOfSatisfying(MastraStructuredOutputException.class, e -> {
          assertThat(e.getMessage()).endsWith("; the answer was: " + wrong);
          assertThat(e.getMessage()).doesNotContain("characters)");
        });
    String longer = wrong.replace("\"}", "x\"}");
    assertThatThrownBy(() -> StructuredOutput.of(Ticket.class).parse(longer))
        .hasMessageEndingWith("; the answer was: " + longer.substring(0, 200) + "... (201 characters)");
  }

  @Test
  void aNullTextIsShownAsNoneAndReadAsEmpty() {
    MastraStructuredOutputException e = new MastraStructuredOutputException("r", null, Ticket.class, null, null);

    assertThat(e.getMessage()).isEqualTo("r; the answer was: (none)");
    assertThat(e.text()).isEmpty();
  }

  @Test
  void anAsyncConnectionFailureIsTheSdksIoExceptionNotItsCause() {
    wm.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    ResponseCreateRequest turn = new ResponseCreateRequest().agentId("support-agent").input("x");

    assertThatThrownBy(() -> client.async().responses().create(turn, Echo.class).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(MastraIOException.class);
  }

  /**
   * JsonSchemas caches a schema per class for the life of the class: a class loaded afresh is computed now,
   * not taken from an earlier test's run.
   */
  @Test
  void aClassNeverSeenBeforeGetsItsSchemaOrItsRefusal() throws Exception {
    URL classes = FreshSchemaPojo.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
      Class<?> pojo = loader.loadClass(FreshSchemaPojo.class.getName());
      Class<?> refused = loader.loadClass(FreshSchemaRefused.class.getName());
      assertThat(pojo).isNotSameAs(FreshSchemaPojo.class);

      assertThat(JsonParser.parseString(StructuredOutput.of(pojo).schemaJson())).isEqualTo(JsonParser.parseString(
          "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},\"count\":{\"type\":\"integer\"}},"
              + "\"required\":[\"name\",\"count\"],\"additionalProperties\":false}"));
      assertThatThrownBy(() -> StructuredOutput.of(refused))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("FreshSchemaRefused.anything: no JSON schema for a plain Object");
    }
  }
}
