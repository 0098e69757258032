package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.model.ConversationItemList;
import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseInput;
import ai.mastra.client.model.ResponseStatus;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which fields {@link RequiredFields} looks into for models with required properties: every type that may
 * hold a model, and none that cannot (a wrong "no" would let a model of nulls through; a wrong "yes" only costs
 * the time of looking, which is why this is asserted directly: the check's answer would not change).
 */
class RequiredFieldsLookTest {

  /** Generic field types, as reflection gives them. */
  @SuppressWarnings({"unused", "rawtypes"})
  private static final class Fields<T> {
    List<OutputItem> items;
    List<String> strings;
    Map<String, Response> responses;
    Map<String, Map<String, Object>> free;
    Map<String, List<Integer>> numbers;
    List<? extends Number> wildcard;
    T variable;
    List raw;
    HashMap rawMap;
    ArrayList<JsonElement> trees;
  }

  private static Type field(String name) {
    try {
      return Fields.class.getDeclaredField(name).getGenericType();
    } catch (NoSuchFieldException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void modelsUnionsAndWhatMayHoldThemAreLookedInto() {
    assertThat(RequiredFields.mayHoldModels(Response.class)).as("a model").isTrue();
    assertThat(RequiredFields.mayHoldModels(ConversationItemList.class)).as("a model").isTrue();
    assertThat(RequiredFields.mayHoldModels(OutputItem.class)).as("a union").isTrue();
    assertThat(RequiredFields.mayHoldModels(Object.class)).as("a free-form value").isTrue();
    for (String name : new String[] {"items", "responses", "free", "wildcard", "variable", "raw", "rawMap"}) {
      assertThat(RequiredFields.mayHoldModels(field(name))).as(name).isTrue();
    }
  }

  @Test
  void scalarsOpenEnumsOneOfValuesAndJsonTreesAreNot() {
    for (Class<?> type : new Class<?>[] {String.class, Integer.class, Long.class, Boolean.class, ResponseStatus.class,
        JsonElement.class, JsonObject.class, CharSequence.class, Runnable.class}) {
      assertThat(RequiredFields.mayHoldModels(type)).as(type.getSimpleName()).isFalse();
    }
    for (String name : new String[] {"strings", "numbers", "trees"}) {
      assertThat(RequiredFields.mayHoldModels(field(name))).as(name).isFalse();
    }
  }

  @Test
  void aClassHasPropertiesWhenItOrASuperclassHasASerializedNameField() {
    assertThat(RequiredFields.hasProperties(Response.class)).isTrue();
    assertThat(RequiredFields.hasProperties(ResponseStatus.class)).as("an open enum: a value, no property").isFalse();
    assertThat(RequiredFields.hasProperties(ResponseInput.class)).as("a oneOf value").isFalse();
    assertThat(RequiredFields.hasProperties(Object.class)).isFalse();
    assertThat(RequiredFields.hasProperties(Sub.class)).as("from a superclass").isTrue();
    assertThat(RequiredFields.hasProperties(OnlyStatic.class)).as("a static field is no property").isFalse();
  }

  private static final class OnlyStatic {
    @com.google.gson.annotations.SerializedName("c")
    static String constant = "c";

    String plain;
  }

  private static class Base {
    @com.google.gson.annotations.SerializedName("a")
    String a;
  }

  private static final class Sub extends Base {
    String plain;
  }
}
