package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.annotations.SerializedName;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Queue;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.Test;

/** Schema generation for the less common field types: each case pins what the generator gives or refuses. */
class JsonSchemasEdgesTest {
  enum Priority {
    LOW,
    @SerializedName("high") HIGH
  }

  static final class Item {
    String sku;
  }

  static final class WithInterfaceCollections {
    SortedSet<String> sorted;
    Queue<String> queue;
    Deque<String> deque;
    NavigableSet<String> navigable;
  }

  static final class WithConcreteCollections {
    ArrayList<String> list;
    TreeSet<String> set;
  }

  static final class WithAbstractCollection {
    AbstractList<String> list;
  }

  static final class WithBlockingQueue {
    BlockingQueue<String> waiting;
  }

  static final class WithConcreteAndSortedMaps {
    HashMap<String, Integer> hash;
    SortedMap<String, Integer> sorted;
    NavigableMap<String, Integer> navigable;
    ConcurrentMap<String, Integer> concurrent;
  }

  static final class WithAbstractMap {
    AbstractMap<String, Integer> counts;
  }

  static final class WithNumber {
    Number n;
  }

  static final class WithDate {
    java.util.Date when;
  }

  static final class WithCalendar {
    java.util.GregorianCalendar when;
  }

  static final class WithInstant {
    java.time.Instant when;
  }

  static final class WithUuid {
    UUID id;
  }

  static final class Employee {
    Department dept;
  }

  static final class Department {
    List<Employee> staff;
  }

  static final class WithObject {
    Object anything;
  }

  /** Only TYPE_USE, like JSpecify's: it is on the field's type, not on the field. */
  static final class TypeUse {
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE_USE)
    @interface Nullable {}
  }

  static final class WithTypeUseNullable {
    @TypeUse.Nullable String nickname;
    String name;
  }

  static final class WithOptionalAnyAndEnum {
    Optional<JsonElement> any;
    Optional<Priority> level;
  }

  static final class A {
    static final class Node {
      Node next;
    }
  }

  static final class B {
    static final class Node {
      Node next;
    }
  }

  static final class C {
    static final class Node {
      Node next;
    }
  }

  static final class ThreeNodes {
    A.Node a;
    B.Node b;
    C.Node c;
  }

  static final class WithBoundedList {
    List<? extends Item> items;
  }

  static final class WithBounded {
    Comparable<? extends Number> c;
  }

  static final class WithGenericArray {
    List<String>[] groups;
  }

  static class Named<E> {
    E value;
  }

  static final class Page<T> extends Named<T> {}

  private static JsonObject json(String text) {
    return JsonParser.parseString(text.replace('\'', '"')).getAsJsonObject();
  }

  private static JsonObject property(Class<?> type, String name) {
    return JsonSchemas.generate(type).getAsJsonObject("properties").getAsJsonObject(name);
  }

  @Test
  void interfaceCollectionsGsonCanCreateAreArraysAndSetsHaveUniqueItems() {
    assertThat(property(WithInterfaceCollections.class, "sorted"))
        .isEqualTo(json("{'type':'array','items':{'type':'string'},'uniqueItems':true}"));
    assertThat(property(WithInterfaceCollections.class, "navigable"))
        .isEqualTo(json("{'type':'array','items':{'type':'string'},'uniqueItems':true}"));
    assertThat(property(WithInterfaceCollections.class, "queue"))
        .isEqualTo(json("{'type':'array','items':{'type':'string'}}"));
    assertThat(property(WithInterfaceCollections.class, "deque"))
        .isEqualTo(json("{'type':'array','items':{'type':'string'}}"));
  }

  @Test
  void concreteCollectionsAreArraysAndAbstractOnesAreRefused() {
    assertThat(property(WithConcreteCollections.class, "list"))
        .isEqualTo(json("{'type':'array','items':{'type':'string'}}"));
    assertThat(property(WithConcreteCollections.class, "set"))
        .isEqualTo(json("{'type':'array','items':{'type':'string'},'uniqueItems':true}"));
    assertThatThrownBy(() -> JsonSchemas.generate(WithAbstractCollection.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("WithAbstractCollection.list: no JSON schema for "
            + "a java.util.AbstractList (use List, Set or Collection)");
  }

  @Test
  void aCollectionInterfaceGsonCannotCreateIsRefused() {
    assertThatThrownBy(() -> JsonSchemas.generate(WithBlockingQueue.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("WithBlockingQueue.waiting: no JSON schema for "
            + "a java.util.concurrent.BlockingQueue (use List, Set or Collection)");
  }

  @Test
  void concreteMapsAndTheMapInterfacesGsonCreatesAreObjects() {
    JsonObject expected = json("{'type':'object','additionalProperties':{'type':'integer'}}");
    for (String name : List.of("hash", "sorted", "navigable", "concurrent")) {
      assertThat(property(WithConcreteAndSortedMaps.class, name)).as(name).isEqualTo(expected);
    }
  }

  @Test
  void anAbstractMapClassIsRefused() {
    assertThatThrownBy(() -> JsonSchemas.generate(WithAbstractMap.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("WithAbstractMap.counts: no JSON schema for a java.util.AbstractMap (use Map)");
  }

  @Test
  void refusalsDescribeTheKindOfType() {
    assertThatThrownBy(() -> JsonSchemas.generate(WithNumber.class))
        .hasMessageStartingWith("WithNumber.n: no JSON schema for a abstract class (java.lang.Number): "
            + "Gson cannot create one; use a concrete class; see StructuredOutput");
    String noPortableForm = " (Gson has no portable form for it; use a String, e.g. ISO 8601, "
        + "and parse it yourself)";
    assertThatThrownBy(() -> JsonSchemas.generate(WithInstant.class))
        .hasMessageStartingWith("WithInstant.when: no JSON schema for a java.time.Instant" + noPortableForm);
    assertThatThrownBy(() -> JsonSchemas.generate(WithDate.class))
        .hasMessageStartingWith("WithDate.when: no JSON schema for a java.util.Date" + noPortableForm);
    assertThatThrownBy(() -> JsonSchemas.generate(WithCalendar.class))
        .hasMessageStartingWith(
            "WithCalendar.when: no JSON schema for a java.util.GregorianCalendar" + noPortableForm);
    assertThatThrownBy(() -> JsonSchemas.generate(WithUuid.class))
        .hasMessageStartingWith("WithUuid.id: no JSON schema for "
            + "a java.util.UUID (not a type a JSON answer can be read into); see StructuredOutput");
    assertThatThrownBy(() -> JsonSchemas.generate(String.class))
        .hasMessageEndingWith("not a java.lang.String (not a type a JSON answer can be read into)");
  }

  @Test
  void classesThatReachEachOtherAreBothRecursive() {
    JsonObject schema = JsonSchemas.generate(Employee.class);

    assertThat(schema.getAsJsonObject("properties").getAsJsonObject("dept"))
        .isEqualTo(json("{'$ref':'#/$defs/Department'}"));
    assertThat(schema.getAsJsonObject("$defs").getAsJsonObject("Department"))
        .isEqualTo(json("{'type':'object','properties':{'staff':{'type':'array','items':{'$ref':'#'}}},"
            + "'required':['staff'],'additionalProperties':false}"));
  }

  @Test
  void errorPathsStartWithTheRootsSimpleName() {
    assertThatThrownBy(() -> JsonSchemas.generate(WithObject.class))
        .hasMessageStartingWith("WithObject.anything: no JSON schema for a plain Object");
  }

  @Test
  void aTypeUseOnlyNullableMakesTheFieldOptional() {
    JsonObject schema = JsonSchemas.generate(WithTypeUseNullable.class);

    assertThat(schema.getAsJsonObject("properties").getAsJsonObject("nickname"))
        .isEqualTo(json("{'type':['string','null']}"));
    assertThat(schema.getAsJsonArray("required")).isEqualTo(JsonParser.parseString("[\"name\"]"));
  }

  @Test
  void optionalFieldsWithoutASingleTypeGetAnyOfOrStayAnyValue() {
    assertThat(property(WithOptionalAnyAndEnum.class, "any")).isEqualTo(new JsonObject());
    assertThat(property(WithOptionalAnyAndEnum.class, "level"))
        .isEqualTo(json("{'anyOf':[{'type':'string','enum':['LOW','high']},{'type':'null'}]}"));
  }

  @Test
  void recursiveClassesWithTheSameSimpleNameAreNumbered() {
    JsonObject schema = JsonSchemas.generate(ThreeNodes.class);

    assertThat(schema.getAsJsonObject("$defs").keySet()).containsExactly("Node", "Node2", "Node3");
    assertThat(schema.getAsJsonObject("properties").getAsJsonObject("c"))
        .isEqualTo(json("{'$ref':'#/$defs/Node3'}"));
  }

  @Test
  void aWildcardWithAnUpperBoundIsItsBound() {
    assertThat(property(WithBoundedList.class, "items"))
        .isEqualTo(json("{'type':'array','items':{'type':'object','properties':{'sku':{'type':'string'}},"
            + "'required':['sku'],'additionalProperties':false}}"));
  }

  @Test
  void aRefusedParameterizedTypeIsNamedWithItsResolvedArguments() {
    assertThatThrownBy(() -> JsonSchemas.generate(WithBounded.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("WithBounded.c: no JSON schema for a java.lang.Comparable<java.lang.Number>; "
            + "see StructuredOutput for the supported types");
  }

  @Test
  void aGenericArrayIsAnArrayOfItsComponent() {
    assertThat(property(WithGenericArray.class, "groups"))
        .isEqualTo(json("{'type':'array','items':{'type':'array','items':{'type':'string'}}}"));
  }

  @Test
  void anUnboundVariablePassedToASuperclassIsNamedAsTheSubclassDeclaresIt() {
    assertThatThrownBy(() -> JsonSchemas.generate(Page.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Page.value: no JSON schema for the type variable T, which nothing binds");
  }
}
