package ai.mastra.client.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.MastraStructuredOutputException;
import ai.mastra.client.StructuredOutput;
import ai.mastra.client.structured.SchemaTypes.*;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** An answer is checked against the class's schema, then bound by Gson; a wrong one is a typed exception. */
class StructuredOutputParseTest {
  private static final String TICKET = "{'id':'T-1','summary':'Invoice wrong','priority':'high','count':2,"
      + "'boxed':3,'score':0.5,'urgent':true,'grade':'A','amount':12.30,"
      + "'customer':{'name':'Ada','e_mail':'ada@example.com'},'tags':['billing'],'seen':['LOW'],'notes':[],"
      + "'counts':{'a':1},'extra':{'any':[1,'x']}}";

  private static String json(String text) {
    return text.replace('\'', '"');
  }

  private static Ticket ticket(String text) {
    return StructuredOutput.of(Ticket.class).parse(json(text));
  }

  @Test
  void aMatchingAnswerIsReadIntoTheClass() {
    Ticket ticket = ticket(TICKET);

    assertThat(ticket.id).isEqualTo("T-1");
    assertThat(ticket.priority).isEqualTo(Priority.HIGH);
    assertThat(ticket.count).isEqualTo(2);
    assertThat(ticket.boxed).isEqualTo(3);
    assertThat(ticket.grade).isEqualTo('A');
    assertThat(ticket.amount).isEqualByComparingTo(new BigDecimal("12.30"));
    assertThat(ticket.customer.email).isEqualTo("ada@example.com");
    assertThat(ticket.tags).containsExactly("billing");
    assertThat(ticket.seen).containsExactly(Priority.LOW);
    assertThat(ticket.counts).isEqualTo(Map.of("a", 1));
    assertThat(ticket.note).isEqualTo(Optional.empty()); // absent: empty, never null
    assertThat(ticket.rank).isEqualTo(OptionalInt.empty());
    assertThat(ticket.comment).isNull();
    assertThat(ticket.extra.getAsJsonObject().get("any").getAsJsonArray()).hasSize(2);
  }

  @Test
  void optionalFieldsAreReadWhenPresentAndEmptyWhenNull() {
    Ticket ticket = ticket(TICKET.replace("'extra'", "'note':'see log','rank':4,'comment':null,'extra'"));
    assertThat(ticket.note).contains("see log");
    assertThat(ticket.rank).isEqualTo(OptionalInt.of(4));

    assertThat(ticket(TICKET.replace("'extra'", "'note':null,'extra'")).note).isEqualTo(Optional.empty());
  }

  @Test
  void recordsAreReadThroughTheirComponents() {
    Shape shape = StructuredOutput.of(Shape.class).parse(json("{'name':'tri','points':[{'x':1,'y':2}]}"));

    assertThat(shape).isEqualTo(new Shape("tri", List.of(new Point(1, 2)), Optional.empty()));
  }

  @Test
  void recursiveTypesAreCheckedAllTheWayDown() {
    StructuredOutput<Forest> forest = StructuredOutput.of(Forest.class);
    Forest ok = forest.parse(json("{'trees':[{'value':'a','children':[{'value':'b','children':[]}]}],"
        + "'biggest':{'value':'a','children':[]}}"));
    assertThat(ok.trees.get(0).children.get(0).value).isEqualTo("b");

    assertThatThrownBy(() -> forest.parse(json("{'trees':[{'value':'a','children':[{'value':'b'}]}],"
        + "'biggest':{'value':'a','children':[]}}")))
        .isInstanceOf(MastraStructuredOutputException.class)
        .hasMessageContaining("$.trees[0].children[0]: the required property \"children\" is missing");
  }

  @Test
  void aFencedAnswerIsAccepted() {
    assertThat(ticket("```json\n" + TICKET + "\n```").id).isEqualTo("T-1");
    assertThat(ticket("```\n" + TICKET + "\n```").id).isEqualTo("T-1");
  }

  @Test
  void anAnswerThatDoesNotFitThrowsWithTheReasonTheTextAndTheType() {
    assertMismatch(TICKET.replace("'summary':'Invoice wrong',", ""),
        "$: the required property \"summary\" is missing");
    assertMismatch(TICKET.replace("'Invoice wrong'", "null"), "$.summary: expected string, got null");
    assertMismatch(TICKET.replace("'count':2", "'count':2.5"), "$.count: expected integer, got the number 2.5");
    assertMismatch(TICKET.replace("'count':2", "'count':'2'"), "$.count: expected integer, got the string \"2\"");
    assertMismatch(TICKET.replace("'priority':'high'", "'priority':'urgent'"),
        "$.priority: the string \"urgent\" is not one of [\"LOW\",\"high\"]");
    assertMismatch(TICKET.replace("'priority':'high'", "'priority':'HIGH'"), "is not one of");
    assertMismatch(TICKET.replace("'grade':'A'", "'grade':'AB'"), "$.grade: a string of 2 characters");
    assertMismatch(TICKET.replace("'e_mail'", "'email'"), "$.customer: the required property \"e_mail\"");
    assertMismatch(TICKET.replace("['billing']", "['billing',7]"), "$.tags[1]: expected string, got the number 7");
    assertMismatch(TICKET.replace("'seen':['LOW']", "'seen':['LOW','LOW']"), "$.seen: the items must be unique");
    assertMismatch(TICKET.replace("{'a':1}", "{'a':'one'}"), "$.counts.a: expected integer");
    assertMismatch(TICKET.replace("'count':2", "'count':1e40"), "cannot be read into Ticket");
    assertMismatch("[1,2]", "$: expected object, got an array");
    assertMismatch("Here is your ticket: {}", "the answer is not JSON");
    assertMismatch("   ", "the answer is empty");
  }

  @Test
  void mapsWithEnumKeysAndGenericFieldsAreCheckedAndRead() {
    StructuredOutput<Order> order = StructuredOutput.of(Order.class);
    Order read = order.parse(json("{'box':{'value':{'sku':'a'},'values':[{'sku':'b'}]},'byPriority':{'high':{'sku':'c'}}}"));

    assertThat(read.box.value.sku).isEqualTo("a");
    assertThat(read.box.values.get(0).sku).isEqualTo("b");
    assertThat(read.byPriority.get(Priority.HIGH).sku).isEqualTo("c");
    assertThatThrownBy(() -> order.parse(json("{'box':{'value':{'sku':'a'},'values':[]},'byPriority':{'MEDIUM':{'sku':'c'}}}")))
        .isInstanceOf(MastraStructuredOutputException.class)
        .hasMessageContaining("$.byPriority: the key \"MEDIUM\" is not one of [\"LOW\",\"high\"]");
    assertThatThrownBy(() -> order.parse(json("{'box':{'value':{'sku':'a'},'values':[{}]},'byPriority':{}}")))
        .isInstanceOf(MastraStructuredOutputException.class)
        .hasMessageContaining("$.box.values[0]: the required property \"sku\" is missing");
  }

  @Test
  void aPropertyTheClassDoesNotHaveIsIgnored() {
    assertThat(ticket(TICKET.replace("'extra'", "'unexpected':1,'extra'")).id).isEqualTo("T-1");
  }

  @Test
  void theExceptionKeepsTheWholeTextAndShortensItInTheMessage() {
    String longAnswer = "{\"summary\":\"" + "x".repeat(500) + "\"}";

    assertThatThrownBy(() -> StructuredOutput.of(Ticket.class).parse(longAnswer))
        .isInstanceOfSatisfying(MastraStructuredOutputException.class, e -> {
          assertThat(e.text()).isEqualTo(longAnswer);
          assertThat(e.type()).isEqualTo(Ticket.class);
          assertThat(e.response()).isEmpty();
          assertThat(e.getMessage()).contains("(" + longAnswer.length() + " characters)").hasSizeLessThan(400);
        });
  }

  @Test
  void aNullTextIsRefused() {
    assertThatThrownBy(() -> StructuredOutput.of(Ticket.class).parse((String) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("text must not be null");
  }

  private static void assertMismatch(String answer, String reason) {
    String text = json(answer);
    assertThatThrownBy(() -> StructuredOutput.of(Ticket.class).parse(text))
        .isInstanceOfSatisfying(MastraStructuredOutputException.class, e -> {
          assertThat(e.getMessage()).contains(reason);
          assertThat(e.text()).isEqualTo(text);
          assertThat(e.type()).isEqualTo(Ticket.class);
        });
  }
}
