package ai.mastra.client.structured;

import com.google.gson.JsonElement;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.annotations.SerializedName;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** The classes the structured-output tests describe and parse. */
final class SchemaTypes {
  private SchemaTypes() {}

  /** Any runtime annotation named Nullable counts (JSR 305, JSpecify, Jakarta...): this one stands for them. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.TYPE_USE})
  @interface Nullable {}

  enum Priority {
    LOW,
    @SerializedName("high") HIGH
  }

  static final class Customer {
    String name;
    @SerializedName("e_mail") String email;
  }

  static class Base {
    String id;
  }

  static final class Ticket extends Base {
    static final String IGNORED_CONSTANT = "x";
    transient String ignoredTransient;
    String summary;
    Priority priority;
    int count;
    Integer boxed;
    double score;
    boolean urgent;
    char grade;
    BigDecimal amount;
    Customer customer;
    List<String> tags;
    Set<Priority> seen;
    String[] notes;
    Map<String, Integer> counts;
    Optional<String> note;
    OptionalInt rank;
    @Nullable String comment;
    JsonElement extra;
  }

  record Point(int x, int y) {}

  record Shape(String name, List<Point> points, Optional<String> label) {}

  static final class TreeNode {
    String value;
    List<TreeNode> children;
  }

  static final class Forest {
    List<TreeNode> trees;
    TreeNode biggest;
  }

  static final class Person {
    String name;
    Person partner;
  }

  static class Box<T> {
    T value;
    List<T> values;
  }

  static final class Item {
    String sku;
  }

  static final class Order {
    Box<Item> box;
    Map<Priority, Item> byPriority;
  }

  static final class StringBox extends Box<String> {}

  static final class Generic<T> {
    T value;
  }

  static final class WithObject {
    Object anything;
  }

  static final class WithRawList {
    @SuppressWarnings("rawtypes")
    List items;
  }

  static final class WithWildcard {
    List<?> items;
  }

  static final class WithInterface {
    Runnable task;
  }

  static final class WithInstant {
    Wrapper wrapper;
  }

  static final class Wrapper {
    Instant at;
  }

  static final class WithIntegerKeys {
    Map<Integer, String> byNumber;
  }

  static final class WithAdapter {
    @JsonAdapter(NoAdapter.class)
    String value;
  }

  static final class NoAdapter {}

  static final class Duplicate {
    String name;
    @SerializedName("name") String other;
  }

  /** Not static: Gson cannot create it. */
  final class Inner {
    String value;
  }

  static final class WithInner {
    Inner inner;
  }

  static final class Empty {}

  static class Linked<T> {
    T next;
  }

  /** Recursive only through the type variable of its superclass: no $defs can be named for it. */
  static final class SelfLinked extends Linked<SelfLinked> {
    String value;
  }

  static final class WithOptionalInList {
    List<Optional<String>> values;
  }

  static final class WithGsonTrees {
    com.google.gson.JsonObject object;
    com.google.gson.JsonArray array;
    com.google.gson.JsonPrimitive primitive;
    java.util.ArrayList<Long> concrete;
    java.util.AbstractList<String> abstractList;
  }

  static final class WithGsonTreesOk {
    com.google.gson.JsonObject object;
    com.google.gson.JsonArray array;
    com.google.gson.JsonPrimitive primitive;
    java.util.ArrayList<Long> concrete;
    java.util.Collection<Short> any;
  }
}
