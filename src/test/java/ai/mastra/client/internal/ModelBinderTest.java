package ai.mastra.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.annotations.SerializedName;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The binders the model template generates ({@link ModelBinder}): every model class has one, it names exactly
 * the class's properties, and property {@code n} reads and writes the field of the {@code n}-th name and no
 * other. The reflective binder of a hand-written model, and the error of a binder out of step with its class.
 */
class ModelBinderTest {
  private static final Path MODELS = Paths.get("target/generated-sources/openapi/src/main/java/ai/mastra/client/model");

  /** The generated classes that have properties (models, not unions, open enums or oneOf values). */
  static Stream<Class<?>> modelClasses() throws IOException {
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.list(MODELS)) {
      for (Path file : files.sorted().collect(Collectors.toList())) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".java")) {
          continue;
        }
        try {
          Class<?> type = Class.forName("ai.mastra.client.model." + name.substring(0, name.length() - 5));
          if (!properties(type).isEmpty()) {
            classes.add(type);
          }
        } catch (ClassNotFoundException e) {
          throw new AssertionError(e);
        }
      }
    }
    assertThat(classes).hasSizeGreaterThan(30);
    return classes.stream();
  }

  private static List<Field> properties(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers()) && field.isAnnotationPresent(SerializedName.class)) {
        field.setAccessible(true);
        fields.add(field);
      }
    }
    return fields;
  }

  @ParameterizedTest
  @MethodSource("modelClasses")
  @SuppressWarnings("unchecked")
  void eachPropertyNumberReadsAndWritesItsOwnField(Class<?> type) throws Exception {
    ModelBinder<Object> binder = (ModelBinder<Object>) ModelBinder.of(type);
    assertThat(binder.getClass().getName()).isEqualTo(type.getName() + "$Binder");

    List<Field> fields = properties(type);
    Map<String, Field> byName = new LinkedHashMap<>();
    for (Field field : fields) {
      byName.put(field.getAnnotation(SerializedName.class).value(), field);
    }
    String[] names = binder.names();
    assertThat(names).containsExactlyInAnyOrderElementsOf(byName.keySet());
    assertThat(binder.size()).isEqualTo(names.length);

    Object model = binder.create();
    assertThat(model).isInstanceOf(type).isEqualTo(newInstance(type));
    for (int number = 1; number <= names.length; number++) {
      Field field = byName.get(names[number - 1]);
      Map<Field, Object> before = snapshot(fields, model);
      Object value = sample(field.getType());

      binder.set(model, number, value);

      assertThat(field.get(model)).as("%s property %d (%s)", type.getSimpleName(), number, field.getName())
          .isSameAs(value);
      assertThat(binder.get(model, number)).isSameAs(value);
      for (Field other : fields) {
        if (other != field) {
          assertThat(other.get(model)).as("%s.%s after setting %s", type.getSimpleName(), other.getName(),
              field.getName()).isSameAs(before.get(other));
        }
      }
      binder.set(model, number, null);
      assertThat(field.get(model)).isNull();
    }
    for (int wrong : new int[] {0, names.length + 1}) {
      assertThatThrownBy(() -> binder.get(model, wrong)).isInstanceOf(IndexOutOfBoundsException.class)
          .hasMessageContaining("no property " + wrong);
      assertThatThrownBy(() -> binder.set(model, wrong, null)).isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @ParameterizedTest
  @MethodSource("modelClasses")
  @SuppressWarnings("unchecked")
  void unknownPropertiesAndExplicitNullsAreTheModelsOwn(Class<?> type) throws Exception {
    ModelBinder<Object> binder = (ModelBinder<Object>) ModelBinder.of(type);
    Object model = binder.create();
    assertThat(binder.additional(model, false)).isNull();
    assertThat(binder.nullsRead(model, false)).isNull();

    Map<String, JsonElement> additional = binder.additional(model, true);
    additional.put("newer", new JsonPrimitive(1));
    Set<String> nulls = binder.nullsRead(model, true);
    nulls.add(binder.names()[0]);

    assertThat(binder.additional(model, false)).isSameAs(additional);
    assertThat(binder.nullsRead(model, true)).isSameAs(nulls);
    Method additionalProperties = type.getMethod("additionalProperties");
    assertThat((Map<String, JsonElement>) additionalProperties.invoke(model))
        .containsExactly(Map.entry("newer", new JsonPrimitive(1)));
  }

  /** A hand-written model of the test's own: no generated binder. */
  @JsonAdapter(value = ModelAdapterFactory.class, nullSafe = false)
  static final class HandWritten {
    @SerializedName("a")
    String a;

    @SerializedName("b")
    Integer b;

    private transient Map<String, JsonElement> additionalProperties;
  }

  @Test
  @SuppressWarnings("unchecked")
  void aClassWithoutAGeneratedBinderIsBoundThroughItsFields() {
    ModelBinder<HandWritten> binder = ModelBinder.of(HandWritten.class);
    assertThat(binder.names()).containsExactly("a", "b");

    HandWritten model = binder.create();
    binder.set(model, 2, 7);
    binder.set(model, 1, "x");
    assertThat(model.a).isEqualTo("x");
    assertThat(model.b).isEqualTo(7);
    assertThat(binder.get(model, 2)).isEqualTo(7);
    assertThatThrownBy(() -> binder.get(model, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(binder.additional(model, true)).isSameAs(model.additionalProperties).isEmpty();
    // no nullsRead field: a set to fill and drop
    assertThat(binder.nullsRead(model, false)).isNull();
    assertThat(binder.nullsRead(model, true)).isEmpty();

    HandWritten read = new Gson().fromJson("{\"b\":3,\"a\":\"y\",\"c\":true}", HandWritten.class);
    assertThat(read.a).isEqualTo("y");
    assertThat(read.b).isEqualTo(3);
    assertThat(read.additionalProperties).containsOnlyKeys("c");
  }

  /** A model whose binder names a property the class does not have. */
  @JsonAdapter(value = ModelAdapterFactory.class, nullSafe = false)
  static final class OutOfStep {
    @SerializedName("a")
    String a;

    private static final class Binder extends NoValues<OutOfStep> {
      Binder() {
        super("b");
      }

      @Override
      protected OutOfStep create() {
        return new OutOfStep();
      }
    }
  }

  /**
   * A binder that names properties but binds no value: for models whose binder is refused before any is read,
   * and for its constructors' checks.
   */
  private abstract static class NoValues<T> extends ModelBinder<T> {
    NoValues(String... names) {
      super(names);
    }

    NoValues(String[] names, String[] fieldNames, boolean[] required) {
      super(names, fieldNames, required);
    }

    @Override
    protected Object get(T model, int number) {
      throw noProperty(number);
    }

    @Override
    protected void set(T model, int number, Object value) {
      throw noProperty(number);
    }

    @Override
    protected Map<String, JsonElement> additional(T model, boolean create) {
      return null;
    }

    @Override
    protected Set<String> nullsRead(T model, boolean create) {
      return null;
    }
  }

  @ParameterizedTest
  @MethodSource("modelClasses")
  @SuppressWarnings("unchecked")
  void aShallowCopyHasEveryPropertyOfTheModel(Class<?> type) throws Exception {
    List<Field> fields = properties(type);
    Object model = newInstance(type);
    for (Field field : fields) {
      field.set(model, sample(field.getType()));
    }
    Object copy = ModelBinder.shallowCopy(model, (Class<Object>) type);
    assertThat(copy).isNotSameAs(model);
    for (Field field : fields) {
      assertThat(field.get(copy)).as(field.getName()).isSameAs(field.get(model));
    }
  }

  @ParameterizedTest
  @MethodSource("modelClasses")
  void eachGeneratedBinderSaysWhatItsFieldsAnnotationsSay(Class<?> type) {
    // the adapter takes field names and required flags from the binder, not the annotations: they must agree
    ModelBinder<?> binder = ModelBinder.of(type);
    String[] names = binder.names();
    List<Field> fields = properties(type);
    assertThat(fields).hasSize(names.length);
    for (int i = 0; i < names.length; i++) {
      Field field = fields.get(i);
      assertThat(field.getAnnotation(SerializedName.class).value()).as(type + " property " + (i + 1)).isEqualTo(names[i]);
      assertThat(binder.fieldName(i)).as(names[i]).isEqualTo(field.getName());
      assertThat(binder.isRequired(i)).as(names[i]).isEqualTo(field.isAnnotationPresent(Required.class));
    }
    assertThat(ModelBinder.isGenerated(type)).isTrue();
  }

  @Test
  void onlyModelClassesHaveAGeneratedBinder() {
    // the adapter factory takes a class with one for a model without looking at its methods
    for (Class<?> other : List.of(ai.mastra.client.model.OutputItem.class, ai.mastra.client.model.OutputItem.Unknown.class,
        ai.mastra.client.model.ItemStatus.class, ai.mastra.client.model.ResponseInput.class, HandWritten.class,
        String.class)) {
      assertThat(ModelBinder.isGenerated(other)).as(other.getName()).isFalse();
    }
    assertThat(ModelBinder.isGenerated(OutOfStep.class)).isTrue();
  }

  @Test
  void aBinderThatNamesAFieldTheClassLacksIsRefusedByName() {
    assertThatThrownBy(() -> new Gson().getAdapter(WrongField.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(WrongField.class.getName())
        .hasMessageContaining("no property a");
    assertThatThrownBy(() -> binder(new String[] {"a", "b"}, new String[] {"a"}, new boolean[2]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 names, 1 field names");
    assertThatThrownBy(() -> binder(new String[] {"a"}, new String[] {"a"}, new boolean[2]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 required flags");
  }

  /** A binder of nothing, made with the constructor generated binders use. */
  private static ModelBinder<Object> binder(String[] names, String[] fieldNames, boolean[] required) {
    return new NoValues<Object>(names, fieldNames, required) {
      @Override
      protected Object create() {
        return null;
      }
    };
  }

  /** A model whose generated-style binder names a field the class does not have. */
  @JsonAdapter(value = ModelAdapterFactory.class, nullSafe = false)
  static final class WrongField {
    @SerializedName("a")
    String field;

    private static final class Binder extends NoValues<WrongField> {
      Binder() {
        super(new String[] {"a"}, new String[] {"a"}, new boolean[] {false});
      }

      @Override
      protected WrongField create() {
        return new WrongField();
      }
    }
  }

  @Test
  void aBinderOutOfStepWithItsClassIsRefusedByName() {
    assertThat(ModelBinder.of(OutOfStep.class).getClass().getSimpleName()).isEqualTo("Binder");
    assertThatThrownBy(() -> new Gson().getAdapter(OutOfStep.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(OutOfStep.class.getName())
        .hasMessageContaining("no property b");
  }

  private static Map<Field, Object> snapshot(List<Field> fields, Object model) throws IllegalAccessException {
    Map<Field, Object> values = new HashMap<>();
    for (Field field : fields) {
      values.put(field, field.get(model));
    }
    return values;
  }

  private static Object newInstance(Class<?> type) throws ReflectiveOperationException {
    Constructor<?> constructor = type.getDeclaredConstructor();
    return constructor.newInstance();
  }

  /** A fresh value of the type (a new object each time, so that "the same" means this one). */
  private static Object sample(Class<?> type) throws ReflectiveOperationException {
    if (type == String.class) {
      return new String("s");
    } else if (type == Integer.class) {
      return Integer.valueOf(123_456);
    } else if (type == Long.class) {
      return Long.valueOf(123_456_789L);
    } else if (type == Double.class || type == Number.class) {
      return Double.valueOf(1.5);
    } else if (type == Boolean.class) {
      return Boolean.TRUE;
    } else if (type == java.time.OffsetDateTime.class) {
      return java.time.OffsetDateTime.now();
    } else if (type == java.math.BigDecimal.class) {
      return new java.math.BigDecimal("1.5");
    } else if (List.class.isAssignableFrom(type)) {
      return new ArrayList<>();
    } else if (Map.class.isAssignableFrom(type)) {
      return new LinkedHashMap<>();
    } else if (type == Object.class || JsonElement.class.isAssignableFrom(type)) {
      return new JsonPrimitive("o");
    } else if (type.isInterface()) {
      // a union: any class of the model package that implements it
      return java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
          (proxy, method, args) -> method.getName().equals("equals") ? proxy == args[0] : null);
    }
    try {
      Method of = type.getMethod("of", String.class);
      if (Modifier.isStatic(of.getModifiers())) {
        return of.invoke(null, "some-value");
      }
    } catch (NoSuchMethodException e) {
      // not an open enum
    }
    return newInstance(type);
  }
}
