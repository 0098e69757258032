package ai.mastra.client;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ai.mastra.client.internal.Json;
import ai.mastra.client.testing.Capture;
import ai.mastra.client.testing.CaptureCalls;
import ai.mastra.client.testing.Wire;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recorded exchange of the real server, replayed through the SDK: the SDK sends the recorded request
 * (same method, path, query and JSON body), reads every recorded success answer without losing a field, and
 * turns every recorded error answer into the exception for its status with the server's message.
 */
class CaptureReplayContractTest extends WireMockClientTest {

  /** Requests the real server refused as invalid; the SDK refuses them before sending. */
  private static final Set<String> REFUSED_BY_THE_SDK = Set.of("56", "57", "59", "71", "76");

  /** Requests the typed model cannot even hold (an input of 42): refused by the compiler, see below. */
  private static final Set<String> NOT_A_JAVA_VALUE = Set.of("58");


  /** Captures whose request the SDK sends. */
  static Stream<Capture> sendable() {
    return Capture.all().stream()
        .filter(CaptureCalls::expressible)
        .filter(capture -> !REFUSED_BY_THE_SDK.contains(capture.number()))
        .filter(capture -> !NOT_A_JAVA_VALUE.contains(capture.number()));
  }

  static Stream<Capture> successes() {
    return sendable().filter(capture -> capture.status() / 100 == 2);
  }

  static Stream<Capture> errors() {
    return sendable().filter(capture -> capture.status() >= 400);
  }

  static Stream<Capture> refused() {
    return Capture.all().stream().filter(capture -> REFUSED_BY_THE_SDK.contains(capture.number()));
  }

  private Object replay(Capture capture) {
    wm.stubFor(request(capture.method(), urlPathEqualTo(capture.path())).willReturn(capture.answer()));
    return CaptureCalls.run(client, capture);
  }

  private void replayIgnoringTheAnswer(Capture capture) {
    try {
      replay(capture);
    } catch (MastraServiceException expected) {
      // an error capture: here only the request is checked
    }
  }

  @Test
  void theCapturesCoverEveryOperationAndEnoughErrors() {
    // Guards the parameterized tests below against passing on an empty or shrunken capture set.
    Set<String> operations = sendable().map(c -> CaptureCalls.operation(c).get()).collect(Collectors.toSet());
    assertThat(operations).containsExactlyInAnyOrder("conversations.create", "conversations.retrieve",
        "conversations.delete", "conversations.items.list", "responses.create", "responses.retrieve",
        "responses.delete");
    assertThat(successes().count()).isGreaterThanOrEqualTo(35);
    assertThat(errors().count()).isGreaterThanOrEqualTo(20);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sendable")
  void theSdkSendsTheRecordedRequest(Capture capture) {
    replayIgnoringTheAnswer(capture);

    LoggedRequest sent = Wire.onlyRequest(wm);
    assertThat(sent.getMethod().getName()).isEqualTo(capture.method());
    assertThat(Wire.rawPath(sent)).isEqualTo(capture.path());
    Map<String, String> query = new LinkedHashMap<>();
    sent.getQueryParams().forEach((name, values) -> query.put(name, values.firstValue()));
    Map<String, String> expectedQuery = new LinkedHashMap<>(capture.query());
    expectedQuery.remove("requestContext");
    query.remove("requestContext");
    assertThat(query).isEqualTo(expectedQuery);

    Optional<JsonObject> body = capture.requestBody();
    Optional<JsonElement> context = capture.decodedRequestContext().map(JsonElement.class::cast)
        .or(() -> body.map(b -> b.get("requestContext")));
    // The context goes where Mastra reads it: the query on GET only, the body on POST, nowhere on DELETE.
    assertThat(Wire.requestContext(sent)).isEqualTo(capture.method().equals("GET") ? context : Optional.empty());
    if (body.isPresent()) {
      JsonObject expected = body.get().deepCopy();
      // The SDK puts a context in the POST body, where Mastra reads it (client-js sent only the query).
      context.ifPresent(c -> expected.add("requestContext", c));
      assertThat(Wire.body(sent)).isEqualTo(expected);
      assertThat(sent.getHeader("Content-Type")).isEqualTo("application/json");
    } else {
      assertThat(sent.getBodyAsString()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("successes")
  void everyRecordedSuccessAnswerIsReadWithoutLosingAField(Capture capture) {
    Object result = replay(capture);

    Object model = result instanceof ConversationItemsPage ? ((ConversationItemsPage) result).raw() : result;
    assertThat(model).isNotNull();
    // Written back by the SDK's Gson, the model is the answer, member for member (explicit nulls included).
    JsonElement readBack = JsonParser.parseString(Json.GSON.toJson(model));
    assertThat(readBack).isEqualTo(capture.responseJson());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void everyRecordedErrorAnswerIsTheExceptionOfItsStatusWithTheServersMessage(Capture capture) {
    MastraServiceException e = catchThrowableOfType(MastraServiceException.class, () -> replay(capture));

    assertThat(e).as("exception for %s", capture).isNotNull();
    assertThat(e.getClass()).isEqualTo(expectedException(capture.status()));
    assertThat(e.statusCode()).isEqualTo(capture.status());
    assertThat(e.body()).isEqualTo(capture.responseBody());
    assertThat(e.headers().get("content-type")).containsExactly(capture.contentType());
    JsonObject recorded = capture.responseJson();
    assertThat(e.error()).contains(recorded.get("error").getAsString());
    List<String> issues = e.issues().stream().map(i -> i.getField() + ": " + i.getMessage())
        .collect(Collectors.toList());
    List<String> recordedIssues = recorded.has("issues")
        ? recorded.getAsJsonArray("issues").asList().stream()
            .map(i -> i.getAsJsonObject().get("field").getAsString() + ": "
                + i.getAsJsonObject().get("message").getAsString())
            .collect(Collectors.toList())
        : List.of();
    assertThat(issues).isEqualTo(recordedIssues);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void aRequestTheServerRefusedAsInvalidIsRefusedBeforeSending(Capture capture) {
    wm.stubFor(any(anyUrl()).willReturn(capture.answer()));

    assertThatThrownBy(() -> CaptureCalls.run(client, capture))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("request.");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void aRequestTheTypedModelCannotHoldDoesNotEvenDecode() {
    // input(String) and input(List<InputMessage>) are the only setters: an input of 42 does not compile, and
    // its JSON does not read into the request model either.
    for (Capture capture : Capture.all()) {
      if (NOT_A_JAVA_VALUE.contains(capture.number())) {
        assertThatThrownBy(() -> CaptureCalls.run(client, capture))
            .isInstanceOf(com.google.gson.JsonParseException.class)
            .hasMessageContaining("ResponseInput");
      }
    }
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  static Class<? extends MastraServiceException> expectedException(int status) {
    switch (status) {
      case 400:
        return BadRequestException.class;
      case 401:
        return UnauthorizedException.class;
      case 403:
        return PermissionDeniedException.class;
      case 404:
        return NotFoundException.class;
      case 409:
        return ConflictException.class;
      case 422:
        return UnprocessableEntityException.class;
      case 429:
        return RateLimitException.class;
      default:
        return status >= 500 && status <= 599 ? ServerException.class : ApiException.class;
    }
  }
}
