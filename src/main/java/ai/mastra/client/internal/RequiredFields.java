package ai.mastra.client.internal;

import com.google.gson.annotations.SerializedName;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Checks that a decoded model has every property the spec requires, in itself and in the models it holds,
 * so that a success answer such as {@code {}} is refused instead of becoming a model of nulls. Which
 * properties are required is read from the {@link Required} annotation the generator puts on them.
 */
final class RequiredFields {
  private static final String MODEL_PACKAGE = "ai.mastra.client.model.";

  private static final ClassValue<List<Field>> FIELDS =
      new ClassValue<List<Field>>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
          List<Field> fields = new ArrayList<>();
          for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
              if (!Modifier.isStatic(field.getModifiers()) && field.isAnnotationPresent(SerializedName.class)) {
                field.setAccessible(true);
                fields.add(field);
              }
            }
          }
          return Collections.unmodifiableList(fields);
        }
      };

  private RequiredFields() {}

  /**
   * Returns the path of the first required property missing in {@code value} (e.g. {@code
   * data[3].content[0].type}), or null when none is.
   */
  static String firstMissing(Object value) {
    return firstMissing(value, "");
  }

  private static String firstMissing(Object value, String path) {
    if (value == null) {
      return null;
    }
    if (value instanceof Collection) {
      int i = 0;
      for (Object element : (Collection<?>) value) {
        String missing = firstMissing(element, path + "[" + i++ + "]");
        if (missing != null) {
          return missing;
        }
      }
      return null;
    }
    if (value instanceof Map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        String missing = firstMissing(entry.getValue(), path.isEmpty() ? String.valueOf(entry.getKey()) : path + "." + entry.getKey());
        if (missing != null) {
          return missing;
        }
      }
      return null;
    }
    if (!value.getClass().getName().startsWith(MODEL_PACKAGE) || value.getClass().isEnum()) {
      return null;
    }
    for (Field field : FIELDS.get(value.getClass())) {
      Object fieldValue;
      try {
        fieldValue = field.get(value);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
      String name = field.getAnnotation(SerializedName.class).value();
      String fieldPath = path.isEmpty() ? name : path + "." + name;
      if (fieldValue == null) {
        if (field.isAnnotationPresent(Required.class)) {
          return fieldPath;
        }
      } else {
        String missing = firstMissing(fieldValue, fieldPath);
        if (missing != null) {
          return missing;
        }
      }
    }
    return null;
  }
}
