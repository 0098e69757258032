package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reasons SchemaCheck gives for the less common mismatches, each in full, and what it lets through. */
class SchemaCheckEdgesTest {
  enum Priority {
    LOW,
    @SerializedName("high") HIGH
  }

  static final class Ticket {
    String summary;
    int count;
    boolean urgent;
    double score;
    List<String> tags;
    Optional<String> note;
    Optional<Priority> level;
  }

  private static final String TICKET =
      "{'summary':'s','count':2,'urgent':true,'score':0.5,'tags':['a']}";

  private static String mismatch(String text) {
    JsonElement value = JsonParser.parseString(text.replace('\'', '"'));
    return SchemaCheck.mismatch(JsonSchemas.generate(Ticket.class), value);
  }

  private static String with(String replaced, String by) {
    assertThat(TICKET).contains(replaced);
    return TICKET.replace(replaced, by);
  }

  @Test
  void anOptionalEnumAcceptsItsConstantsAndNullAndNamesTheFirstFailingOption() {
    assertThat(mismatch(TICKET)).isNull();
    assertThat(mismatch(with("'tags'", "'level':'LOW','tags'"))).isNull();
    assertThat(mismatch(with("'tags'", "'level':null,'tags'"))).isNull();

    assertThat(mismatch(with("'tags'", "'level':'URGENT','tags'")))
        .isEqualTo("$.level: the string \"URGENT\" is not one of [\"LOW\",\"high\"]");
  }

  @Test
  void aStringOfExactlyFortyCharactersWithItsQuotesIsShownWhole() {
    String x38 = "x".repeat(38);
    assertThat(mismatch(with("'count':2", "'count':'" + x38 + "'")))
        .isEqualTo("$.count: expected integer, got the string \"" + x38 + "\"");
    assertThat(mismatch(with("'count':2", "'count':'" + x38 + "y'")))
        .isEqualTo("$.count: expected integer, got the string \"" + x38 + "y...");
  }

  @Test
  void objectsAndBooleansInTheWrongPlaceAreDescribed() {
    assertThat(mismatch(with("'summary':'s'", "'summary':{}")))
        .isEqualTo("$.summary: expected string, got an object");
    assertThat(mismatch(with("'count':2", "'count':true")))
        .isEqualTo("$.count: expected integer, got the boolean true");
  }

  @Test
  void eachTypeRefusesAValueOfAnotherType() {
    assertThat(mismatch(with("'tags'", "'note':5,'tags'")))
        .isEqualTo("$.note: expected [\"string\",\"null\"], got the number 5");
    assertThat(mismatch(with("'tags':['a']", "'tags':null"))).isEqualTo("$.tags: expected array, got null");
    assertThat(mismatch(with("'urgent':true", "'urgent':null"))).isEqualTo("$.urgent: expected boolean, got null");
    assertThat(mismatch(with("'score':0.5", "'score':null"))).isEqualTo("$.score: expected number, got null");
  }

  @Test
  void aNumberTooLargeForBigDecimalIsNotAnInteger() {
    assertThat(mismatch(with("'count':2", "'count':1e100000")))
        .isEqualTo("$.count: expected integer, got the number 1e100000");
  }
}
