package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.model.Conversation;
import ai.mastra.client.model.ConversationThread;
import ai.mastra.client.model.MessageItem;
import ai.mastra.client.model.MessageRole;
import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The small pieces of the reliability work, one by one: Keep-Alive parsing, required properties, durations. */
class ReliabilityUnitTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "timeout=5|5000000000",
      "timeout=5, max=100|5000000000",
      "max=100, timeout=2|2000000000",
      " TIMEOUT = 7 |7000000000",
      "timeout=0|0",
      "timeout=99999999|86400000000000",
      "max=100|-1",
      "timeout=soon|-1",
      "timeout=-3|-1",
      "timeout|-1"})
  void theKeepAliveTimeoutIsReadFromTheHeader(String header, long nanos) {
    assertThat(ConnectionSafety.keepAliveNanos(header)).isEqualTo(nanos);
  }

  @Test
  void noKeepAliveHeaderMeansNoAnnouncedTimeout() {
    assertThat(ConnectionSafety.keepAliveNanos(null)).isEqualTo(-1);
  }

  private static Conversation conversation() {
    return new Conversation().id("c1").object("conversation")
        .thread(new ConversationThread().id("c1").title("t").resourceId("r")
            .createdAt(java.time.OffsetDateTime.parse("2026-01-01T00:00:00Z"))
            .updatedAt(java.time.OffsetDateTime.parse("2026-01-01T00:00:00Z")));
  }

  @Test
  void aWholeModelHasNoMissingProperty() {
    assertThat(RequiredFields.firstMissing(conversation())).isNull();
    assertThat(RequiredFields.firstMissing(null)).isNull();
    assertThat(RequiredFields.firstMissing("not a model")).isNull();
    assertThat(RequiredFields.firstMissing(ResponseStatus.COMPLETED)).isNull();
  }

  @Test
  void theFirstMissingPropertyIsNamedByItsPath() {
    assertThat(RequiredFields.firstMissing(conversation().id(null))).isEqualTo("id");
    assertThat(RequiredFields.firstMissing(conversation().thread(new ConversationThread().id("c1"))))
        .startsWith("thread.");
  }

  @Test
  void listsAndMapsAreWalkedWithTheirIndexesAndKeys() {
    List<Object> list = new ArrayList<>();
    list.add(conversation());
    list.add(conversation().id(null));
    assertThat(RequiredFields.firstMissing(list)).isEqualTo("[1].id");

    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", conversation());
    map.put("b", conversation().id(null));
    assertThat(RequiredFields.firstMissing(map)).isEqualTo("b.id");
  }

  @Test
  void aMissingPropertyInsideAListOfAModelIsFound() {
    Response response = new Response().id("r").createdAt(1L).model("m").status(ResponseStatus.COMPLETED)
        .object("response").output(new ArrayList<>());
    assertThat(RequiredFields.firstMissing(response)).isNull();

    // (a content part's only required property, its type, is preset by its variant class: items instead)
    List<OutputItem> items = new ArrayList<>();
    items.add(new MessageItem().id("m1").role(MessageRole.USER).content(new ArrayList<>()));
    items.add(new MessageItem().id("m2"));
    Map<String, Object> holder = new LinkedHashMap<>();
    holder.put("items", items);
    assertThat(RequiredFields.firstMissing(holder)).isEqualTo("items[1].role");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "PT1S, 1 s", "PT1.5S, 1.5 s", "PT0.25S, 250 ms", "PT0.000000001S, 0.000001 ms", "PT30S, 30 s",
      "PT0.999999999S, 999.999999 ms"})
  void durationsAreDescribedForMessages(Duration duration, String text) {
    assertThat(Durations.describe(duration)).isEqualTo(text);
  }

  @ParameterizedTest(name = "{0} -> {1} ms")
  @CsvSource({"PT0.000000001S, 1", "PT0.001S, 1", "PT0.0011S, 2", "PT1S, 1000", "PT0.999S, 999"})
  void okHttpGetsWholeMillisecondsNeverZero(Duration duration, long millis) {
    assertThat(Durations.millisAtLeastOne(duration)).isEqualTo(millis);
  }
}
