package ai.mastra.client.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.StructuredOutput;
import ai.mastra.client.internal.JsonSchemas;
import ai.mastra.client.structured.SchemaTypes.*;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** The JSON Schema generated from a class describes exactly what Gson reads into it. */
class JsonSchemaTest {

  /**
   * The schema, generated afresh (the SDK caches one per class: through the cache every test after the first
   * would see the generator's earlier answer), and checked to be what {@link StructuredOutput} sends.
   */
  private static JsonObject schema(Class<?> type) {
    JsonObject fresh = JsonSchemas.generate(type);
    assertThat(JsonParser.parseString(StructuredOutput.of(type).schemaJson())).isEqualTo(fresh);
    return fresh;
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text.replace('\'', '"')).getAsJsonObject();
  }

  @Test
  void aClassIsAnObjectOfItsGsonFieldsSuperclassFirstEachWithItsType() {
    JsonObject schema = schema(Ticket.class);

    assertThat(schema.get("type").getAsString()).isEqualTo("object");
    assertThat(schema.get("additionalProperties").getAsBoolean()).isFalse();
    assertThat(schema.getAsJsonObject("properties").keySet()).containsExactly(
        "id", "summary", "priority", "count", "boxed", "score", "urgent", "grade", "amount", "customer", "tags",
        "seen", "notes", "counts", "note", "rank", "comment", "extra"); // no static, no transient field
    JsonObject p = schema.getAsJsonObject("properties");
    assertThat(p.get("id")).isEqualTo(json("{'type':'string'}"));
    assertThat(p.get("priority")).isEqualTo(json("{'type':'string','enum':['LOW','high']}"));
    assertThat(p.get("count")).isEqualTo(json("{'type':'integer'}"));
    assertThat(p.get("boxed")).isEqualTo(json("{'type':'integer'}"));
    assertThat(p.get("score")).isEqualTo(json("{'type':'number'}"));
    assertThat(p.get("urgent")).isEqualTo(json("{'type':'boolean'}"));
    assertThat(p.get("grade")).isEqualTo(json("{'type':'string','minLength':1,'maxLength':1}"));
    assertThat(p.get("amount")).isEqualTo(json("{'type':'number'}"));
    assertThat(p.get("customer")).isEqualTo(json("{'type':'object','properties':{'name':{'type':'string'},"
        + "'e_mail':{'type':'string'}},'required':['name','e_mail'],'additionalProperties':false}"));
    assertThat(p.get("tags")).isEqualTo(json("{'type':'array','items':{'type':'string'}}"));
    assertThat(p.get("seen")).isEqualTo(
        json("{'type':'array','items':{'type':'string','enum':['LOW','high']},'uniqueItems':true}"));
    assertThat(p.get("notes")).isEqualTo(json("{'type':'array','items':{'type':'string'}}"));
    assertThat(p.get("counts")).isEqualTo(json("{'type':'object','additionalProperties':{'type':'integer'}}"));
    assertThat(p.get("note")).isEqualTo(json("{'type':['string','null']}"));
    assertThat(p.get("rank")).isEqualTo(json("{'type':['integer','null']}"));
    assertThat(p.get("comment")).isEqualTo(json("{'type':['string','null']}"));
    assertThat(p.get("extra")).isEqualTo(json("{}"));
  }

  @Test
  void everyFieldIsRequiredButOptionalAndNullableOnes() {
    assertThat(schema(Ticket.class).getAsJsonArray("required")).isEqualTo(JsonParser.parseString(
        "['id','summary','priority','count','boxed','score','urgent','grade','amount','customer','tags','seen',"
            .replace('\'', '"') + "\"notes\",\"counts\",\"extra\"]"));
  }

  @Test
  void aRecordIsAnObjectOfItsComponents() {
    assertThat(schema(Shape.class)).isEqualTo(json("{'type':'object','properties':{"
        + "'name':{'type':'string'},"
        + "'points':{'type':'array','items':{'type':'object','properties':{'x':{'type':'integer'},"
        + "'y':{'type':'integer'}},'required':['x','y'],'additionalProperties':false}},"
        + "'label':{'type':['string','null']}},"
        + "'required':['name','points'],'additionalProperties':false}"));
  }

  @Test
  void aRecursiveRootIsReferencedAsTheDocumentItself() {
    assertThat(schema(TreeNode.class)).isEqualTo(json("{'type':'object','properties':{"
        + "'value':{'type':'string'},'children':{'type':'array','items':{'$ref':'#'}}},"
        + "'required':['value','children'],'additionalProperties':false}"));
    assertThat(schema(Person.class).getAsJsonObject("properties").get("partner")).isEqualTo(json("{'$ref':'#'}"));
  }

  @Test
  void aRecursiveClassInsideGoesToDefsOnce() {
    JsonObject schema = schema(Forest.class);

    assertThat(schema.getAsJsonObject("properties").get("trees"))
        .isEqualTo(json("{'type':'array','items':{'$ref':'#/$defs/TreeNode'}}"));
    assertThat(schema.getAsJsonObject("properties").get("biggest")).isEqualTo(json("{'$ref':'#/$defs/TreeNode'}"));
    assertThat(schema.getAsJsonObject("$defs").keySet()).containsExactly("TreeNode");
    assertThat(schema.getAsJsonObject("$defs").getAsJsonObject("TreeNode").getAsJsonObject("properties")
        .get("children")).isEqualTo(json("{'type':'array','items':{'$ref':'#/$defs/TreeNode'}}"));
  }

  @Test
  void genericFieldsAreDescribedWithTheirTypeArguments() {
    JsonObject properties = schema(Order.class).getAsJsonObject("properties");
    JsonObject item = json("{'type':'object','properties':{'sku':{'type':'string'}},'required':['sku'],"
        + "'additionalProperties':false}");

    JsonObject box = properties.getAsJsonObject("box").getAsJsonObject("properties");
    assertThat(box.get("value")).isEqualTo(item);
    assertThat(box.get("values")).isEqualTo(arrayOf(item));
    assertThat(properties.get("byPriority")).isEqualTo(json("{'type':'object','propertyNames':{'enum':['LOW','high']},"
        + "'additionalProperties':" + item + "}"));
    assertThat(schema(StringBox.class).getAsJsonObject("properties").get("value"))
        .isEqualTo(json("{'type':'string'}"));
  }

  private static JsonObject arrayOf(JsonObject items) {
    JsonObject array = json("{'type':'array'}");
    array.add("items", items);
    return array;
  }

  @Test
  void theSchemaIsAFreshCopyEachTime() {
    StructuredOutput<Ticket> output = StructuredOutput.of(Ticket.class);
    output.schema().put("type", "string");

    assertThat(output.schema()).containsEntry("type", "object");
    assertThat(output.format().getName()).isEqualTo("Ticket");
    assertThat(output.format().getType()).isEqualTo("json_schema");
    assertThat(output.format().getStrict()).isNull();
    assertThat(output.textConfig().getFormat()).isEqualTo(output.format());
  }

  @Test
  void typesWithoutAFaithfulSchemaAreRefusedNamingTheFieldPath() {
    assertRefused(WithObject.class, "WithObject.anything: no JSON schema for a plain Object");
    assertRefused(WithRawList.class, "WithRawList.items: no JSON schema for a raw java.util.List");
    assertRefused(WithWildcard.class, "WithWildcard.items: no JSON schema for the wildcard ?");
    assertRefused(WithInterface.class, "WithInterface.task: no JSON schema for a interface (java.lang.Runnable)");
    assertRefused(WithInstant.class, "WithInstant.wrapper.at: no JSON schema for a java.time.Instant");
    assertRefused(WithIntegerKeys.class, "WithIntegerKeys.byNumber: no JSON schema for a Map whose keys are "
        + "java.lang.Integer");
    assertRefused(WithAdapter.class, "WithAdapter.value: no JSON schema for a field with @JsonAdapter");
    assertRefused(Duplicate.class, "Duplicate.other: no JSON schema for a second field named \"name\"");
    assertRefused(WithInner.class, "WithInner.inner: no JSON schema for the inner class");
    assertRefused(Generic.class, "Generic.value: no JSON schema for the type variable T");
    assertRefused(String.class, "java.lang.String cannot be the type of a structured answer");
    assertRefused(Priority.class, "cannot be the type of a structured answer");
    assertRefused(java.util.List.class, "cannot be the type of a structured answer");
  }

  @Test
  void gsonTreesAndConcreteCollectionsAreDescribed() {
    JsonObject p = schema(WithGsonTreesOk.class).getAsJsonObject("properties");

    assertThat(p.get("object")).isEqualTo(json("{'type':'object'}"));
    assertThat(p.get("array")).isEqualTo(json("{'type':'array'}"));
    assertThat(p.get("primitive")).isEqualTo(json("{'type':['string','number','boolean']}"));
    assertThat(p.get("concrete")).isEqualTo(json("{'type':'array','items':{'type':'integer'}}"));
    assertThat(p.get("any")).isEqualTo(json("{'type':'array','items':{'type':'integer'}}"));
  }

  @Test
  void moreTypesWithoutAFaithfulSchemaAreRefused() {
    assertRefused(WithGsonTrees.class, "WithGsonTrees.abstractList: no JSON schema for a java.util.AbstractList");
    assertRefused(WithOptionalInList.class, "WithOptionalInList.values[]: no JSON schema for an Optional inside");
    assertRefused(SelfLinked.class, "SelfLinked.next: no JSON schema for the recursive type");
  }

  @Test
  void aNullTypeIsRefused() {
    assertThatThrownBy(() -> StructuredOutput.of(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("type must not be null");
  }

  @Test
  void anEmptyClassIsAnEmptyObject() {
    assertThat(schema(Empty.class)).isEqualTo(
        json("{'type':'object','properties':{},'required':[],'additionalProperties':false}"));
  }

  private static void assertRefused(Class<?> type, String message) {
    assertThatThrownBy(() -> JsonSchemas.generate(type))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
    assertThatThrownBy(() -> StructuredOutput.of(type))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
    // the cached failure is thrown again, not a stale success
    assertThatThrownBy(() -> StructuredOutput.of(type)).hasMessageContaining(message);
  }
}
