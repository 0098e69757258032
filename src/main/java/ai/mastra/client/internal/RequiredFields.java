package ai.mastra.client.internal;

import com.google.gson.annotations.SerializedName;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks that a decoded model has every property the spec requires, in itself and in the models it holds,
 * so that a success answer such as {@code {}} is refused instead of becoming a model of nulls. Which
 * properties are required is read from the {@link Required} annotation the generator puts on them.
 */
final class RequiredFields {
  private static final String MODEL_PACKAGE = "ai.mastra.client.model.";

  /** The properties of a model class; null for other classes. */
  private static final ClassValue<Properties> PROPERTIES =
      new ClassValue<Properties>() {
        @Override
        protected Properties computeValue(Class<?> type) {
          if (!type.getName().startsWith(MODEL_PACKAGE) || type.isEnum()) {
            return Properties.NONE;
          }
          List<Field> fields = new ArrayList<>();
          for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
              if (!Modifier.isStatic(field.getModifiers()) && field.isAnnotationPresent(SerializedName.class)) {
                field.setAccessible(true);
                fields.add(field);
              }
            }
          }
          return new Properties(fields);
        }
      };

  /** A model class's properties: the field, its JSON name, and whether the spec requires it. */
  private static final class Properties {
    static final Properties NONE = new Properties(List.of());

    final Field[] fields;
    final String[] names;
    final boolean[] required;
    // whether the field's type may hold a model (a model, a union, a list or map of them, Object): only those
    // are looked into; a String, number, enum or JSON tree is read only when required, to see it is there
    final boolean[] holdsModels;

    Properties(List<Field> list) {
      fields = list.toArray(new Field[0]);
      names = new String[fields.length];
      required = new boolean[fields.length];
      holdsModels = new boolean[fields.length];
      for (int i = 0; i < fields.length; i++) {
        names[i] = fields[i].getAnnotation(SerializedName.class).value();
        required[i] = fields[i].isAnnotationPresent(Required.class);
        holdsModels[i] = mayHoldModels(fields[i].getGenericType());
      }
    }
  }

  /**
   * Whether a field of this type may hold a model (a model, a union, a list or map of them, Object): only those
   * are looked into; a String, number, open enum or JSON tree is read only when required, to see it is there.
   * Package-private for its test: the answer is cached per model class, and a wrong "yes" costs only time.
   */
  static boolean mayHoldModels(Type type) {
    if (type instanceof Class) {
      Class<?> c = (Class<?>) type;
      if (c == Object.class || Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
        return true; // a raw container or a free-form value: look
      }
      // a union (an interface), or a model with properties (not an open enum or a oneOf value, which have
      // none this check looks at)
      return c.getName().startsWith(MODEL_PACKAGE) && !c.isEnum() && (c.isInterface() || hasProperties(c));
    }
    if (type instanceof ParameterizedType) {
      for (Type argument : ((ParameterizedType) type).getActualTypeArguments()) {
        if (mayHoldModels(argument)) {
          return true;
        }
      }
      return false;
    }
    return true; // a type variable or wildcard: look
  }

  /** Whether the class or a superclass has a property (a non-static {@link SerializedName} field). */
  static boolean hasProperties(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && field.isAnnotationPresent(SerializedName.class)) {
          return true;
        }
      }
    }
    return false;
  }

  private RequiredFields() {}

  /**
   * Returns the path of the first required property missing in {@code value} (e.g. {@code
   * data[3].content[0].type}), or null when none is.
   */
  static String firstMissing(Object value) {
    String missing = missing(value);
    return missing == null ? null : missing.startsWith(".") ? missing.substring(1) : missing;
  }

  /**
   * The path below {@code value} of its first missing required property ({@code .name} and {@code [i]}
   * segments), or null. The path is put together only on the way back from a missing property: a valid page
   * of 100 items costs no strings.
   */
  private static String missing(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return null; // the leaves of free-form JSON (metadata, arguments): no class lookup for each of them
    }
    if (value instanceof Collection) {
      int i = 0;
      for (Object element : (Collection<?>) value) {
        String missing = missing(element);
        if (missing != null) {
          return "[" + i + "]" + missing;
        }
        i++;
      }
      return null;
    }
    if (value instanceof Map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        String missing = missing(entry.getValue());
        if (missing != null) {
          return "." + entry.getKey() + missing;
        }
      }
      return null;
    }
    Properties properties = PROPERTIES.get(value.getClass());
    for (int i = 0; i < properties.fields.length; i++) {
      if (!properties.required[i] && !properties.holdsModels[i]) {
        continue;
      }
      Object fieldValue;
      try {
        fieldValue = properties.fields[i].get(value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
      if (fieldValue == null) {
        if (properties.required[i]) {
          return "." + properties.names[i];
        }
      } else {
        String missing = missing(fieldValue);
        if (missing != null) {
          return "." + properties.names[i] + missing;
        }
      }
    }
    return null;
  }
}
