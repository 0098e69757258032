package ai.mastra.client.internal;

import com.google.gson.JsonElement;
import com.google.gson.annotations.SerializedName;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Makes one model class and reads and writes its fields, for {@link ModelAdapterFactory}. The model template
 * generates a private nested {@code Binder} subclass in every model class that does it with plain field access;
 * before, every property of every item decoded went through {@code Field.set} and every model through a
 * reflective constructor (about 8% of the CPU of decoding a 100-item page, in a JFR profile of 16 callers). A
 * class without a generated binder (a hand-written model) is bound through reflection, by {@link #of(Class)}.
 *
 * <p>Properties are numbered from 1, in the order of {@link #names()}: the order of the model's fields (the
 * spec's order), and the numbers the template's loop gives them.
 *
 * <p>Not an API: public only because the generated models, in another package, extend it.
 *
 * @param <T> the model class
 */
public abstract class ModelBinder<T> {
  private static final ClassValue<ModelBinder<?>> BINDERS =
      new ClassValue<ModelBinder<?>>() {
        @Override
        protected ModelBinder<?> computeValue(Class<?> type) {
          return find(type);
        }
      };

  private final String[] names;
  // the fields' names and which properties are required: from the generated binder; null for the reflective
  // one, whose class's annotations say it
  private final String[] fieldNames;
  private final boolean[] required;

  /**
   * A binder of the given properties.
   *
   * @param names the JSON names of the model's properties, property 1 first
   */
  protected ModelBinder(String... names) {
    this.names = names;
    this.fieldNames = null;
    this.required = null;
  }

  /**
   * A binder of the given properties, which also says what the fields' annotations say ({@code
   * SerializedName}, {@code Required}), so that they need not be read.
   *
   * @param names the JSON names of the model's properties, property 1 first
   * @param fieldNames the names of their fields, in the same order
   * @param required whether each is required, in the same order
   */
  protected ModelBinder(String[] names, String[] fieldNames, boolean[] required) {
    if (fieldNames.length != names.length || required.length != names.length) {
      throw new IllegalArgumentException(
          names.length + " names, " + fieldNames.length + " field names, " + required.length + " required flags");
    }
    this.names = names;
    this.fieldNames = fieldNames;
    this.required = required;
  }

  /**
   * Whether {@code type} has a generated binder: a model class of the spec. Looks at its nested classes only
   * (no method or annotation of it is read).
   */
  static boolean isGenerated(Class<?> type) {
    for (Class<?> nested : type.getDeclaredClasses()) {
      if (nested.getSimpleName().equals("Binder") && ModelBinder.class.isAssignableFrom(nested)) {
        return true;
      }
    }
    return false;
  }

  /** The name of property {@code i + 1}'s field, or null when the binder does not say (then: annotations). */
  final String fieldName(int i) {
    return fieldNames == null ? null : fieldNames[i];
  }

  /** Whether property {@code i + 1} is required; only when {@link #fieldName} is not null. */
  final boolean isRequired(int i) {
    return required[i];
  }

  /** The binder of a model class: its generated one, else one that uses reflection. */
  @SuppressWarnings("unchecked")
  static <T> ModelBinder<T> of(Class<T> type) {
    return (ModelBinder<T>) BINDERS.get(type);
  }

  /**
   * A copy of a model that shares its property values (no value is read again or converted), with maps of its
   * own holding the same unknown properties and explicit nulls.
   *
   * @param model the model
   * @param type its model class (the copy's class; a subclass's own fields are not copied)
   * @param <T> the model class
   * @return the copy
   */
  public static <T> T shallowCopy(T model, Class<T> type) {
    ModelBinder<T> binder = of(type);
    T copy = binder.create();
    for (int number = 1; number <= binder.size(); number++) {
      binder.set(copy, number, binder.get(model, number));
    }
    Map<String, JsonElement> additional = binder.additional(model, false);
    if (additional != null && !additional.isEmpty()) {
      binder.additional(copy, true).putAll(additional);
    }
    Set<String> nulls = binder.nullsRead(model, false);
    if (nulls != null && !nulls.isEmpty()) {
      binder.nullsRead(copy, true).addAll(nulls);
    }
    return copy;
  }

  /** The JSON names of the properties, property 1 at index 0. */
  final String[] names() {
    return names.clone();
  }

  /** The number of properties. */
  final int size() {
    return names.length;
  }

  /**
   * A new, empty model (single-value discriminators preset).
   *
   * @return the model
   */
  protected abstract T create();

  /**
   * One property's value.
   *
   * @param model the model
   * @param number the property's number, from 1
   * @return its value, or null
   */
  protected abstract Object get(T model, int number);

  /**
   * Sets one property.
   *
   * @param model the model
   * @param number the property's number, from 1
   * @param value its new value, of the field's type, or null
   */
  protected abstract void set(T model, int number, Object value);

  /**
   * The model's properties that the spec does not list.
   *
   * @param model the model
   * @param create whether to give the model an empty map when it has none
   * @return its map, or null when it has none and {@code create} is false
   */
  protected abstract Map<String, JsonElement> additional(T model, boolean create);

  /**
   * The names of the model's known properties that were read as an explicit null.
   *
   * @param model the model
   * @param create whether to give the model an empty set when it has none
   * @return its set, or null when it has none and {@code create} is false
   */
  protected abstract Set<String> nullsRead(T model, boolean create);

  /**
   * The error of a property number that the class does not have: a generated binder out of step with its
   * class.
   *
   * @param number the property number
   * @return the error to throw
   */
  protected final IndexOutOfBoundsException noProperty(int number) {
    return new IndexOutOfBoundsException("no property " + number + " of " + names.length);
  }

  private static ModelBinder<?> find(Class<?> type) {
    for (Class<?> nested : type.getDeclaredClasses()) {
      if (nested.getSimpleName().equals("Binder") && ModelBinder.class.isAssignableFrom(nested)) {
        try {
          Constructor<?> constructor = nested.getDeclaredConstructor();
          constructor.setAccessible(true);
          return (ModelBinder<?>) constructor.newInstance();
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(nested.getName() + " cannot be made", e);
        }
      }
    }
    return new Reflective<>(type);
  }

  /** Binds a class without a generated binder: its {@link SerializedName} fields, through reflection. */
  private static final class Reflective<T> extends ModelBinder<T> {
    private final Constructor<T> constructor;
    private final Field[] fields;
    private final Field additional;
    private final Field nullsRead;

    Reflective(Class<T> type) {
      this(type, properties(type));
    }

    private Reflective(Class<T> type, Field[] fields) {
      super(jsonNames(fields));
      this.fields = fields;
      try {
        constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(type.getName() + " has no no-argument constructor", e);
      }
      additional = optionalField(type, "additionalProperties");
      nullsRead = optionalField(type, "nullsRead");
    }

    private static Field[] properties(Class<?> type) {
      List<Field> found = new ArrayList<>();
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && field.isAnnotationPresent(SerializedName.class)) {
          field.setAccessible(true);
          found.add(field);
        }
      }
      return found.toArray(new Field[0]);
    }

    private static String[] jsonNames(Field[] fields) {
      String[] names = new String[fields.length];
      for (int i = 0; i < fields.length; i++) {
        names[i] = fields[i].getAnnotation(SerializedName.class).value();
      }
      return names;
    }

    private static Field optionalField(Class<?> type, String name) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        return null;
      }
    }

    @Override
    protected T create() {
      try {
        return constructor.newInstance();
      } catch (ReflectiveOperationException e) {
        throw ModelAdapterFactory.unwrap(e);
      }
    }

    @Override
    protected Object get(T model, int number) {
      try {
        return field(number).get(model);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    protected void set(T model, int number, Object value) {
      try {
        field(number).set(model, value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    private Field field(int number) {
      if (number < 1 || number > fields.length) {
        throw noProperty(number);
      }
      return fields[number - 1];
    }

    @Override
    protected Map<String, JsonElement> additional(T model, boolean create) {
      return owned(additional, model, create, LinkedHashMap::new);
    }

    @Override
    protected Set<String> nullsRead(T model, boolean create) {
      return owned(nullsRead, model, create, LinkedHashSet::new);
    }

    /**
     * A collection the model holds in {@code field}, made empty when asked for and absent; a class without the
     * field gets a new one that is dropped.
     */
    @SuppressWarnings("unchecked")
    private <C> C owned(Field field, T model, boolean create, Supplier<C> empty) {
      if (field == null) {
        return create ? empty.get() : null;
      }
      try {
        C value = (C) field.get(model);
        if (value == null && create) {
          value = empty.get();
          field.set(model, value);
        }
        return value;
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
