package ai.mastra.client.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.JsonAdapter;
import com.google.gson.annotations.SerializedName;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Generates the JSON Schema of what Gson reads into a Java class: the schema sent as {@code text.format} for
 * structured output, and the one an answer is checked against before Gson binds it.
 *
 * <p>It follows Gson's view of a class, not a bean's: the instance fields of the class and its superclasses
 * (not static, not transient, not synthetic), named by {@link SerializedName} or else as declared. A record
 * needs no special case: its fields are its components, in order, and its superclass {@code java.lang.Record}
 * (found by name: the SDK runs on Java 11, which has no records) ends the walk; Gson 2.10+ binds it through its
 * canonical constructor.
 *
 * <ul>
 *   <li>{@code String}, {@code char}: string (a char exactly one character); {@code boolean}: boolean;
 *       {@code byte}, {@code short}, {@code int}, {@code long}, {@code BigInteger} and their boxes: integer;
 *       {@code float}, {@code double}, {@code BigDecimal} and boxes: number.
 *   <li>Enums: string with {@code enum} listing the constants as Gson writes them ({@link SerializedName}).
 *   <li>Arrays, {@code List}, {@code Collection}, {@code Set} (unique items): array of the element's schema.
 *   <li>{@code Map} with {@code String} or enum keys: object whose {@code additionalProperties} is the value's
 *       schema.
 *   <li>Other classes: object with {@code properties}, {@code required} and {@code additionalProperties: false}.
 *       A class that contains itself (directly or through others) goes to {@code $defs} and is referenced by
 *       {@code $ref}; the root is {@code #}.
 *   <li>Gson's {@code JsonElement}, {@code JsonObject}, {@code JsonArray}: any value, object, array.
 *   <li>Optional fields: {@code Optional<T>} ({@code OptionalInt}...), or a field with a runtime annotation
 *       named {@code Nullable} (JSR 305, JSpecify, Jakarta, Android...). They are left out of {@code required}
 *       and may be null. Every other field is required and must not be null, boxed or not.
 * </ul>
 *
 * Everything else (an interface, an abstract class, {@code Object}, a raw or wildcard collection, a type
 * variable the class does not resolve, {@code java.time} or {@code Date} types, a field with
 * {@link JsonAdapter}, a non-static inner class) is refused with an {@link IllegalArgumentException} naming the
 * field path, e.g. {@code Ticket.customer.tags}: Gson would read it into something the schema cannot describe,
 * or not at all.
 */
public final class JsonSchemas {
  private JsonSchemas() {}

  private static final ClassValue<Object> CACHE =
      new ClassValue<Object>() {
        @Override
        protected Object computeValue(Class<?> type) {
          try {
            return new Generator(type).generate();
          } catch (IllegalArgumentException e) {
            return e.getMessage();
          }
        }
      };

  /**
   * Returns the schema of {@code type}: a copy the caller may change.
   *
   * @throws IllegalArgumentException if {@code type} or one of its fields cannot be described (the message
   *     names the field path)
   */
  public static JsonObject of(Class<?> type) {
    Object cached = CACHE.get(type);
    if (cached instanceof String) {
      throw new IllegalArgumentException((String) cached);
    }
    return ((JsonObject) cached).deepCopy();
  }

  /**
   * Generates the schema of {@code type} afresh, without the per-class cache {@link #of} keeps. For tests: the
   * cache lives as long as the class, so a test of the generator through {@link #of} would meet the generator
   * once per JVM.
   *
   * @throws IllegalArgumentException as {@link #of}
   */
  public static JsonObject generate(Class<?> type) {
    return new Generator(type).generate();
  }

  private static final class Generator {
    private final Class<?> root;
    /** Classes that reach themselves: described once in $defs. */
    private final Set<Class<?>> recursive = new HashSet<>();
    private final Map<Class<?>, String> defNames = new LinkedHashMap<>();
    private final Map<String, JsonObject> defs = new LinkedHashMap<>();
    /** The classes being described inline right now, outermost first. */
    private final Set<Class<?>> inlining = new HashSet<>();

    Generator(Class<?> root) {
      this.root = root;
    }

    JsonObject generate() {
      String rootName = root.getSimpleName().isEmpty() ? root.getName() : root.getSimpleName();
      if (!isObjectClass(root)) {
        throw new IllegalArgumentException(
            root.getName() + " cannot be the type of a structured answer: it must be a class or record with "
                + "fields (a JSON object at the top, as OpenAI-compatible models require), not a "
                + describeKind(root));
      }
      findRecursive(root, rootName);
      JsonObject schema = objectSchema(root, Collections.emptyMap(), rootName);
      if (!defs.isEmpty()) {
        JsonObject all = new JsonObject();
        defs.forEach(all::add);
        schema.add("$defs", all);
      }
      return schema;
    }

    // ---- the schema of a type ----

    private JsonObject schema(Type type, Map<TypeVariable<?>, Type> bindings, String path) {
      type = resolve(type, bindings, path);
      if (type instanceof Class) {
        return classSchema((Class<?>) type, path);
      }
      if (type instanceof GenericArrayType) {
        return array(schema(((GenericArrayType) type).getGenericComponentType(), bindings, path + "[]"), false);
      }
      ParameterizedType parameterized = (ParameterizedType) type;
      Class<?> raw = (Class<?>) parameterized.getRawType();
      Type[] args = parameterized.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        checkCollection(raw, path);
        return array(schema(args[0], bindings, path + "[]"), Set.class.isAssignableFrom(raw));
      }
      if (Map.class.isAssignableFrom(raw)) {
        checkMap(raw, path);
        Type key = resolve(args[0], bindings, path);
        if (!(key == String.class || key instanceof Class && ((Class<?>) key).isEnum())) {
          throw refused(path, "a Map whose keys are " + key.getTypeName()
              + " (JSON object keys are strings: use String or an enum keys)");
        }
        JsonObject map = new JsonObject();
        map.addProperty("type", "object");
        if (key instanceof Class && ((Class<?>) key).isEnum()) {
          JsonObject names = new JsonObject();
          names.add("enum", enumNames((Class<?>) key));
          map.add("propertyNames", names);
        }
        map.add("additionalProperties", schema(args[1], bindings, path + "{}"));
        return map;
      }
      if (raw == Optional.class) {
        throw refused(path, "an Optional inside a collection, map or another Optional (Optional is for fields)");
      }
      if (isObjectClass(raw)) {
        return reference(raw, bindingsOf(parameterized, bindings, path), path);
      }
      throw refused(path, "a " + type.getTypeName());
    }

    private JsonObject classSchema(Class<?> type, String path) {
      JsonObject scalar = scalar(type);
      if (scalar != null) {
        return scalar;
      }
      if (type.isEnum()) {
        JsonObject schema = new JsonObject();
        schema.addProperty("type", "string");
        schema.add("enum", enumNames(type));
        return schema;
      }
      if (type.isArray()) {
        return array(schema(type.getComponentType(), Collections.emptyMap(), path + "[]"), false);
      }
      if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
        throw refused(path, "a raw " + type.getName() + " (give its type arguments, e.g. List<String>)");
      }
      if (type == Optional.class) {
        throw refused(path, "a raw Optional (give its type argument, e.g. Optional<String>)");
      }
      if (type.getTypeParameters().length > 0) {
        throw refused(path, "a raw " + type.getName() + " (give its type arguments)");
      }
      if (isObjectClass(type)) {
        return reference(type, Collections.emptyMap(), path);
      }
      throw refused(path, "a " + describeKind(type));
    }

    private JsonObject reference(Class<?> type, Map<TypeVariable<?>, Type> bindings, String path) {
      if (!recursive.contains(type)) {
        return objectSchema(type, bindings, path);
      }
      if (type == root) {
        return ref("#");
      }
      String name = defNames.get(type);
      if (name == null) {
        name = type.getSimpleName();
        for (int i = 2; defs.containsKey(name) || defNames.containsValue(name); i++) {
          name = type.getSimpleName() + i;
        }
        defNames.put(type, name);
        defs.put(name, new JsonObject()); // a placeholder first: the type refers to itself
        defs.put(name, objectSchema(type, bindings, type.getSimpleName()));
      }
      return ref("#/$defs/" + name);
    }

    private JsonObject objectSchema(Class<?> type, Map<TypeVariable<?>, Type> bindings, String path) {
      if (!inlining.add(type)) {
        // Only a cycle through a type variable (class A extends Base<A>, Base<T> { T next; }) gets here.
        throw refused(path, "the recursive type " + type.getName() + " reached through a type variable "
            + "(give the recursive field its class as type)");
      }
      try {
        return objectSchemaOf(type, bindings, path);
      } finally {
        inlining.remove(type);
      }
    }

    private JsonObject objectSchemaOf(Class<?> type, Map<TypeVariable<?>, Type> own, String path) {
      Map<TypeVariable<?>, Type> bindings = withSuperclasses(type, own);
      JsonObject properties = new JsonObject();
      JsonArray required = new JsonArray();
      for (Field field : fields(type, path)) {
        String name = jsonName(field);
        String fieldPath = path + "." + field.getName();
        if (field.isAnnotationPresent(JsonAdapter.class)) {
          throw refused(fieldPath, "a field with @JsonAdapter (its JSON form is the adapter's, which no schema "
              + "can be generated for)");
        }
        Type fieldType = field.getGenericType();
        Class<?> rawType = field.getType();
        boolean optional = false;
        JsonObject schema;
        if (rawType == OptionalInt.class || rawType == OptionalLong.class) {
          optional = true;
          schema = typed("integer");
        } else if (rawType == OptionalDouble.class) {
          optional = true;
          schema = typed("number");
        } else if (rawType == Optional.class) {
          optional = true;
          Type resolved = resolve(fieldType, bindings, fieldPath);
          if (!(resolved instanceof ParameterizedType)) {
            throw refused(fieldPath, "a raw Optional (give its type argument, e.g. Optional<String>)");
          }
          schema = schema(((ParameterizedType) resolved).getActualTypeArguments()[0], bindings, fieldPath);
        } else {
          optional = hasNullable(field);
          schema = schema(fieldType, bindings, fieldPath);
        }
        if (optional) {
          schema = nullable(schema);
        } else {
          required.add(name);
        }
        if (properties.has(name)) {
          throw refused(fieldPath, "a second field named \"" + name + "\" in JSON (Gson refuses such a class)");
        }
        properties.add(name, schema);
      }
      JsonObject schema = new JsonObject();
      schema.addProperty("type", "object");
      schema.add("properties", properties);
      schema.add("required", required);
      schema.addProperty("additionalProperties", false);
      return schema;
    }

    // ---- recursion ----

    /** Marks the classes that reach themselves through their fields, and checks every class on the way. */
    private void findRecursive(Class<?> start, String path) {
      Map<Class<?>, Set<Class<?>>> edges = new LinkedHashMap<>();
      List<Class<?>> todo = new ArrayList<>(Collections.singletonList(start));
      Map<Class<?>, String> paths = new HashMap<>();
      paths.put(start, path);
      while (!todo.isEmpty()) {
        Class<?> type = todo.remove(todo.size() - 1);
        if (edges.containsKey(type)) {
          continue;
        }
        Set<Class<?>> next = new LinkedHashSet<>();
        for (Field field : fields(type, paths.get(type))) {
          for (Class<?> reached : classesIn(field.getGenericType(), new HashSet<>())) {
            if (isObjectClass(reached)) {
              next.add(reached);
              paths.putIfAbsent(reached, paths.get(type) + "." + field.getName());
              todo.add(reached);
            }
          }
        }
        edges.put(type, next);
      }
      for (Class<?> type : edges.keySet()) {
        Set<Class<?>> seen = new HashSet<>();
        List<Class<?>> walk = new ArrayList<>(edges.get(type));
        while (!walk.isEmpty()) {
          Class<?> c = walk.remove(walk.size() - 1);
          if (c == type) {
            recursive.add(type);
            break;
          }
          if (seen.add(c)) {
            walk.addAll(edges.getOrDefault(c, Collections.emptySet()));
          }
        }
      }
    }

    private static Set<Class<?>> classesIn(Type type, Set<Class<?>> into) {
      if (type instanceof Class) {
        Class<?> c = (Class<?>) type;
        into.add(c.isArray() ? c.getComponentType() : c);
      } else if (type instanceof ParameterizedType) {
        ParameterizedType p = (ParameterizedType) type;
        into.add((Class<?>) p.getRawType());
        for (Type arg : p.getActualTypeArguments()) {
          classesIn(arg, into);
        }
      } else if (type instanceof GenericArrayType) {
        classesIn(((GenericArrayType) type).getGenericComponentType(), into);
      } else if (type instanceof WildcardType) {
        for (Type bound : ((WildcardType) type).getUpperBounds()) {
          classesIn(bound, into);
        }
      }
      return into;
    }

    // ---- classes and fields ----

    /** The fields Gson binds: instance fields of the class and its superclasses, superclass first. */
    private static List<Field> fields(Class<?> type, String path) {
      if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
        throw refused(path, "the inner class " + type.getName() + " (make it static: Gson cannot create an "
            + "inner class without its outer instance)");
      }
      if (type.isAnonymousClass() || type.isLocalClass()) {
        throw refused(path, "the local or anonymous class " + type.getName() + " (declare a named class)");
      }
      if (type.isAnnotationPresent(JsonAdapter.class)) {
        throw refused(path, type.getName() + " with @JsonAdapter (its JSON form is the adapter's, which no "
            + "schema can be generated for)");
      }
      List<Class<?>> chain = new ArrayList<>();
      for (Class<?> c = type; c != null && c != Object.class && !c.getName().equals("java.lang.Record");
          c = c.getSuperclass()) {
        chain.add(0, c);
      }
      List<Field> fields = new ArrayList<>();
      for (Class<?> c : chain) {
        for (Field field : c.getDeclaredFields()) {
          int modifiers = field.getModifiers();
          if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
            continue;
          }
          fields.add(field);
        }
      }
      return fields;
    }

    private static boolean isObjectClass(Class<?> type) {
      if (type.isPrimitive() || type.isArray() || type.isEnum() || type.isInterface()
          || Modifier.isAbstract(type.getModifiers()) || type == Object.class || scalar(type) != null) {
        return false;
      }
      String name = type.getName();
      return !(name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("com.google.gson."));
    }

    private static String describeKind(Class<?> type) {
      if (type.isInterface()) {
        return "interface (" + type.getName() + "): Gson cannot create one; use a concrete class";
      }
      if (Modifier.isAbstract(type.getModifiers()) && !type.isPrimitive() && !type.isArray()) {
        return "abstract class (" + type.getName() + "): Gson cannot create one; use a concrete class";
      }
      if (type == Object.class) {
        return "plain Object (its JSON could be anything; use a class, or JsonElement for any JSON)";
      }
      if (type.getName().startsWith("java.time.") || java.util.Date.class.isAssignableFrom(type)
          || java.util.Calendar.class.isAssignableFrom(type)) {
        return type.getName() + " (Gson has no portable form for it; use a String, e.g. ISO 8601, "
            + "and parse it yourself)";
      }
      return type.getName() + " (not a type a JSON answer can be read into)";
    }

    private static String jsonName(Field field) {
      SerializedName name = field.getAnnotation(SerializedName.class);
      return name == null ? field.getName() : name.value();
    }

    private static boolean hasNullable(Field field) {
      if (nullableIn(field.getAnnotations())) {
        return true;
      }
      AnnotatedType annotated = field.getAnnotatedType();
      return annotated != null && nullableIn(annotated.getAnnotations());
    }

    private static boolean nullableIn(Annotation[] annotations) {
      for (Annotation annotation : annotations) {
        if (annotation.annotationType().getSimpleName().equals("Nullable")) {
          return true;
        }
      }
      return false;
    }

    private static JsonArray enumNames(Class<?> type) {
      JsonArray names = new JsonArray();
      for (Field field : type.getDeclaredFields()) {
        if (field.isEnumConstant()) {
          SerializedName name = field.getAnnotation(SerializedName.class);
          names.add(name == null ? field.getName() : name.value());
        }
      }
      return names;
    }

    private static void checkCollection(Class<?> raw, String path) {
      boolean gsonCreates = raw.isInterface()
          ? raw == Collection.class || raw == List.class || raw == Set.class || raw == Iterable.class
              || raw.getName().equals("java.util.SortedSet") || raw.getName().equals("java.util.Queue")
              || raw.getName().equals("java.util.Deque") || raw.getName().equals("java.util.NavigableSet")
          : !Modifier.isAbstract(raw.getModifiers());
      if (!gsonCreates) {
        throw refused(path, "a " + raw.getName() + " (use List, Set or Collection)");
      }
    }

    private static void checkMap(Class<?> raw, String path) {
      if (Modifier.isAbstract(raw.getModifiers()) && raw != Map.class
          && !raw.getName().equals("java.util.SortedMap") && !raw.getName().equals("java.util.NavigableMap")
          && !raw.getName().equals("java.util.concurrent.ConcurrentMap")) {
        throw refused(path, "a " + raw.getName() + " (use Map)");
      }
    }

    // ---- type variables ----

    private static Type resolve(Type type, Map<TypeVariable<?>, Type> bindings, String path) {
      while (type instanceof TypeVariable) {
        Type bound = bindings.get(type);
        if (bound == null) {
          throw refused(path, "the type variable " + type.getTypeName() + ", which nothing binds (use a "
              + "concrete type, e.g. a subclass that fixes it)");
        }
        type = bound;
      }
      if (type instanceof WildcardType) {
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getLowerBounds().length > 0 || wildcard.getUpperBounds()[0] == Object.class) {
          throw refused(path, "the wildcard " + type.getTypeName() + " (use a concrete type)");
        }
        return resolve(wildcard.getUpperBounds()[0], bindings, path);
      }
      if (type instanceof ParameterizedType) {
        ParameterizedType p = (ParameterizedType) type;
        Type[] args = p.getActualTypeArguments().clone();
        boolean changed = false;
        for (int i = 0; i < args.length; i++) {
          Type resolved = resolve(args[i], bindings, path);
          changed |= resolved != args[i];
          args[i] = resolved;
        }
        return changed ? new Parameterized((Class<?>) p.getRawType(), args) : p;
      }
      return type;
    }

    private static Map<TypeVariable<?>, Type> bindingsOf(
        ParameterizedType type, Map<TypeVariable<?>, Type> outer, String path) {
      Class<?> raw = (Class<?>) type.getRawType();
      Map<TypeVariable<?>, Type> bindings = new HashMap<>();
      TypeVariable<?>[] variables = raw.getTypeParameters();
      Type[] args = type.getActualTypeArguments();
      for (int i = 0; i < variables.length; i++) {
        bindings.put(variables[i], resolve(args[i], outer, path));
      }
      return bindings;
    }

    /**
     * The bindings of {@code type}'s own variables plus those its superclasses get from it ({@code class
     * StringBox extends Box<String>}, {@code class Page<T> extends Base<T>}): superclass fields use them.
     */
    private static Map<TypeVariable<?>, Type> withSuperclasses(Class<?> type, Map<TypeVariable<?>, Type> own) {
      Map<TypeVariable<?>, Type> bindings = new HashMap<>(own);
      for (Class<?> c = type; c.getSuperclass() != null; c = c.getSuperclass()) {
        Type up = c.getGenericSuperclass();
        if (up instanceof ParameterizedType) {
          ParameterizedType p = (ParameterizedType) up;
          TypeVariable<?>[] variables = ((Class<?>) p.getRawType()).getTypeParameters();
          for (int i = 0; i < variables.length; i++) {
            Type arg = p.getActualTypeArguments()[i];
            bindings.put(variables[i], arg instanceof TypeVariable && bindings.containsKey(arg)
                ? bindings.get(arg) : arg);
          }
        }
      }
      return bindings;
    }

    // ---- small schemas ----

    private static JsonObject scalar(Class<?> type) {
      if (type == String.class) {
        return typed("string");
      }
      if (type == char.class || type == Character.class) {
        JsonObject schema = typed("string");
        schema.addProperty("minLength", 1);
        schema.addProperty("maxLength", 1);
        return schema;
      }
      if (type == boolean.class || type == Boolean.class) {
        return typed("boolean");
      }
      if (type == int.class || type == Integer.class || type == long.class || type == Long.class
          || type == short.class || type == Short.class || type == byte.class || type == Byte.class
          || type == BigInteger.class) {
        return typed("integer");
      }
      if (type == double.class || type == Double.class || type == float.class || type == Float.class
          || type == BigDecimal.class) {
        return typed("number");
      }
      if (type == JsonElement.class) {
        return new JsonObject();
      }
      if (type == JsonObject.class) {
        return typed("object");
      }
      if (type == JsonArray.class) {
        return typed("array");
      }
      if (type == JsonPrimitive.class) {
        JsonObject schema = new JsonObject();
        JsonArray types = new JsonArray();
        types.add("string");
        types.add("number");
        types.add("boolean");
        schema.add("type", types);
        return schema;
      }
      return null;
    }

    private static JsonObject typed(String type) {
      JsonObject schema = new JsonObject();
      schema.addProperty("type", type);
      return schema;
    }

    private static JsonObject array(JsonObject items, boolean unique) {
      JsonObject schema = typed("array");
      schema.add("items", items);
      if (unique) {
        schema.addProperty("uniqueItems", true);
      }
      return schema;
    }

    private static JsonObject ref(String target) {
      JsonObject schema = new JsonObject();
      schema.addProperty("$ref", target);
      return schema;
    }

    /** The schema or null: {@code "type": [t, "null"]} where there is one type, else {@code anyOf}. */
    private static JsonObject nullable(JsonObject schema) {
      JsonElement type = schema.get("type");
      if (type != null && type.isJsonPrimitive() && !schema.has("enum")) {
        JsonObject copy = schema.deepCopy();
        JsonArray types = new JsonArray();
        types.add(type);
        types.add("null");
        copy.add("type", types);
        return copy;
      }
      if (schema.size() == 0) {
        return schema; // any value, null included
      }
      JsonObject anyOf = new JsonObject();
      JsonArray options = new JsonArray();
      options.add(schema);
      options.add(typed("null"));
      anyOf.add("anyOf", options);
      return anyOf;
    }

    private static IllegalArgumentException refused(String path, String what) {
      return new IllegalArgumentException(
          path + ": no JSON schema for " + what + "; see StructuredOutput for the supported types");
    }
  }

  /** A parameterized type with resolved arguments. */
  private static final class Parameterized implements ParameterizedType {
    private final Class<?> raw;
    private final Type[] args;

    Parameterized(Class<?> raw, Type[] args) {
      this.raw = raw;
      this.args = args;
    }

    @Override
    public Type[] getActualTypeArguments() {
      return args.clone();
    }

    @Override
    public Type getRawType() {
      return raw;
    }

    @Override
    public Type getOwnerType() {
      return raw.getDeclaringClass();
    }

    @Override
    public String getTypeName() {
      StringBuilder name = new StringBuilder(raw.getTypeName()).append('<');
      for (int i = 0; i < args.length; i++) {
        name.append(i == 0 ? "" : ", ").append(args[i].getTypeName());
      }
      return name.append('>').toString();
    }
  }
}
