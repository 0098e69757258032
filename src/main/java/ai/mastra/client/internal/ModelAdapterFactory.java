package ai.mastra.client.internal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes every generated model; the templates name it in each model's {@code @JsonAdapter}, so any
 * Gson uses it. Four kinds, told apart by the generated shape:
 *
 * <ul>
 *   <li>a union interface ({@link Union}): the discriminator picks the variant class. When the discriminator
 *       is the first property (as Mastra and OpenAI write it), the variant is bound straight from the reader;
 *       properties before it are buffered. A value the mapping does not list becomes the union's {@code
 *       Unknown}, which keeps the JSON object whole;
 *   <li>an open enum (a final class with {@code of(String)} and {@code knownValues()}): any string;
 *   <li>a oneOf value (static {@code of(...)} factories, {@code value()}): the branch by the JSON token;
 *   <li>a model class: its {@link SerializedName} fields, bound from the reader through the class's {@link
 *       ModelBinder} (generated, without reflection); other properties are kept in its {@code
 *       additionalProperties} and written back after the known ones, and a known property read as an explicit
 *       {@code null} is written back as {@code null}.
 * </ul>
 */
public final class ModelAdapterFactory implements TypeAdapterFactory {
  /**
   * Gson's own reader and writer of JSON trees (its public face: the internal package is not exported). From
   * the SDK's Gson, which does not replace it: another Gson would cost some milliseconds of a cold start.
   */
  private static final TypeAdapter<JsonElement> ELEMENTS = Json.GSON.getAdapter(JsonElement.class);

  // Whether a model decoded on this thread since startDecoding() may lack a required property: as each model is
  // read, the properties set to a value are counted, so a complete answer (nearly all of them) needs no second
  // walk through every model it holds (RequiredFields: about 14% of decoding a 100-item page). Touched only
  // when a model is incomplete, and at the start and end of a decoding.
  private static final ThreadLocal<boolean[]> INCOMPLETE = ThreadLocal.withInitial(() -> new boolean[1]);

  /** Starts a decoding on this thread: see {@link #mayBeIncomplete()}. */
  static void startDecoding() {
    INCOMPLETE.get()[0] = false;
  }

  /**
   * Whether a model decoded on this thread since {@link #startDecoding()} lacks a required property, or may
   * (a model too wide, or inheriting properties, to be counted); false means every one has them all.
   */
  static boolean mayBeIncomplete() {
    return INCOMPLETE.get()[0];
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    Class<? super T> raw = type.getRawType();
    if (raw.isInterface()) {
      Union union = raw.getAnnotation(Union.class);
      return union == null ? null : (TypeAdapter<T>) new UnionAdapter(gson, union);
    }
    if (raw.isEnum() || raw.isPrimitive()) {
      return null;
    }
    if (ModelBinder.isGenerated(raw)) {
      // a model of the spec: known without the probes below, whose reflection over every public method loads
      // each class a method names (14 classes for Response) and throws a NoSuchMethodException per probe
      return new ModelAdapter<>(gson, (Class<T>) raw);
    }
    if (rawJson(raw) != null) {
      return (TypeAdapter<T>) new UnknownAdapter(raw);
    }
    Method of = staticMethod(raw, "of", String.class);
    Method knownValues = staticMethod(raw, "knownValues");
    if (of != null && knownValues != null) {
      return (TypeAdapter<T>) new OpenEnumAdapter(of, knownValues);
    }
    List<Method> branches = new ArrayList<>();
    for (Method method : raw.getMethods()) {
      if (method.getName().equals("of")
          && Modifier.isStatic(method.getModifiers())
          && method.getParameterCount() == 1
          && method.getReturnType() == raw) {
        branches.add(method);
      }
    }
    if (!branches.isEmpty()) {
      return (TypeAdapter<T>) new OneOfValueAdapter(gson, raw, branches);
    }
    return new ModelAdapter<>(gson, (Class<T>) raw);
  }

  private static Method staticMethod(Class<?> type, String name, Class<?>... parameters) {
    try {
      Method method = type.getMethod(name, parameters);
      return Modifier.isStatic(method.getModifiers()) ? method : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /**
   * One member of an unknown variant's JSON as {@code type} (a property every variant has), or null when it is
   * absent or of another shape.
   *
   * @param json the variant's JSON
   * @param name the member
   * @param type its type
   * @param <T> its type
   * @return the value, or null
   */
  public static <T> T member(JsonObject json, String name, Class<T> type) {
    JsonElement value = json.get(name);
    if (value == null || value.isJsonNull()) {
      return null;
    }
    if (value.isJsonPrimitive()) {
      JsonPrimitive primitive = value.getAsJsonPrimitive();
      boolean fits = Number.class.isAssignableFrom(type) ? primitive.isNumber()
          : type == String.class ? primitive.isString()
          : type != Boolean.class || primitive.isBoolean();
      if (!fits) {
        return null; // e.g. a sequence_number sent as "7": not the number every variant has
      }
    }
    try {
      return Json.GSON.fromJson(value, type);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The {@code rawJson()} of a union's Unknown class, or null for other classes. */
  private static Method rawJson(Class<?> type) {
    try {
      Method method = type.getMethod("rawJson");
      return method.getReturnType() == JsonObject.class ? method : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** A union's Unknown: its JSON object, unchanged. */
  private static final class UnknownAdapter extends TypeAdapter<Object> {
    private final Method rawJson;
    private final Constructor<?> constructor;

    UnknownAdapter(Class<?> type) {
      this.rawJson = rawJson(type);
      try {
        this.constructor = type.getConstructor(JsonObject.class);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(type.getName() + " has no (JsonObject) constructor", e);
      }
    }

    @Override
    public Object read(JsonReader in) throws IOException {
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        return null;
      }
      JsonElement json = ELEMENTS.read(in);
      if (!json.isJsonObject()) {
        throw new JsonParseException("expected a JSON object at " + in.getPath());
      }
      try {
        return constructor.newInstance(json.getAsJsonObject());
      } catch (ReflectiveOperationException e) {
        throw unwrap(e);
      }
    }

    @Override
    public void write(JsonWriter out, Object value) throws IOException {
      if (value == null) {
        out.nullValue();
        return;
      }
      try {
        writeTree(out, (JsonElement) rawJson.invoke(value));
      } catch (ReflectiveOperationException e) {
        throw unwrap(e);
      }
    }
  }

  /** Writes {@code null} even where the writer drops nulls (Gson's default for properties). */
  private static void writeNull(JsonWriter out) throws IOException {
    boolean serializeNulls = out.getSerializeNulls();
    out.setSerializeNulls(true);
    try {
      out.nullValue();
    } finally {
      out.setSerializeNulls(serializeNulls);
    }
  }

  /** Writes a JSON tree exactly, nulls inside it included. */
  private static void writeTree(JsonWriter out, JsonElement value) throws IOException {
    boolean serializeNulls = out.getSerializeNulls();
    out.setSerializeNulls(true);
    try {
      ELEMENTS.write(out, value);
    } finally {
      out.setSerializeNulls(serializeNulls);
    }
  }

  /** The exception a reflective call threw (a checked one wrapped), or the reflective failure itself. */
  static RuntimeException unwrap(Exception e) {
    Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
    if (cause instanceof RuntimeException) {
      return (RuntimeException) cause;
    }
    return new IllegalStateException(cause);
  }

  /** What the adapters need to know of a model class, shared by every Gson. */
  static final class ModelClass {
    private static final ClassValue<ModelClass> CACHE =
        new ClassValue<ModelClass>() {
          @Override
          protected ModelClass computeValue(Class<?> type) {
            return new ModelClass(type);
          }
        };

    final ModelBinder<Object> binder;
    // the properties' fields in the binder's order (fields[i] is property i + 1): for their types only
    final Field[] fields;
    final String[] names;
    // each name's UTF-8 bytes, for Utf8JsonReader.nextNameIs; null for a name that has to be escaped in JSON
    final byte[][] nameBytes;
    final Map<String, Integer> indexByName = new HashMap<>();
    /**
     * What a server wrote last time: {@code followers[k]} is the index of the property read after property k - 1
     * ({@code k = 0}: first), or -1 before any. Written without a lock: ints, each a guess checked on use.
     */
    final int[] followers;
    /**
     * The value a new instance has for each String property, where it has one: a union variant's discriminator
     * (a message item's {@code "message"}), read back in every item. With {@code presetBytes}, its UTF-8 bytes
     * (null where there is none, or it needs escapes), it is compared in place instead of read as a string.
     */
    final String[] presets;
    final byte[][] presetBytes;
    // bit i: fields[i] is required; counted only for a class of at most 64 properties, none inherited
    final long requiredMask;
    final boolean counted;

    @SuppressWarnings("unchecked")
    private ModelClass(Class<?> type) {
      binder = (ModelBinder<Object>) ModelBinder.of(type);
      names = binder.names();
      nameBytes = new byte[names.length][];
      for (int i = 0; i < names.length; i++) {
        nameBytes[i] = plainBytes(names[i]);
      }
      fields = new Field[names.length];
      followers = new int[names.length + 1];
      java.util.Arrays.fill(followers, -1);
      // a generated binder names each property's field and says whether it is required; a reflective one's
      // class says it in annotations, read here (each annotation type read costs a proxy class at start-up)
      Map<String, Field> annotated = names.length > 0 && binder.fieldName(0) == null ? annotatedFields(type) : null;
      long required = 0;
      for (int i = 0; i < names.length; i++) {
        fields[i] = annotated != null ? annotated.get(names[i]) : declaredField(type, binder.fieldName(i));
        if (fields[i] == null) {
          throw new IllegalStateException(type.getName() + " has no property " + names[i] + " of its binder");
        }
        indexByName.put(names[i], i);
        boolean isRequired = annotated != null ? fields[i].isAnnotationPresent(Required.class) : binder.isRequired(i);
        if (i < 64 && isRequired) {
          required |= 1L << i;
        }
      }
      requiredMask = required;
      counted = fields.length <= 64 && !RequiredFields.hasProperties(type.getSuperclass());
      presets = new String[names.length];
      presetBytes = new byte[names.length][];
      // a generated class only: its constructor sets the presets and nothing else
      Object fresh = ModelBinder.isGenerated(type) ? binder.create() : null;
      for (int i = 0; i < names.length && fresh != null; i++) {
        Object preset = fields[i].getType() == String.class ? binder.get(fresh, i + 1) : null;
        if (preset instanceof String) {
          presets[i] = (String) preset;
          presetBytes[i] = plainBytes((String) preset);
        }
      }
    }

    /** The {@link SerializedName} fields of a class, by JSON name; as many as its binder has names. */
    private Map<String, Field> annotatedFields(Class<?> type) {
      Map<String, Field> byName = new HashMap<>();
      for (Field field : type.getDeclaredFields()) {
        SerializedName name = field.getAnnotation(SerializedName.class);
        if (!Modifier.isStatic(field.getModifiers()) && name != null) {
          byName.put(name.value(), field);
        }
      }
      if (byName.size() != names.length) {
        throw new IllegalStateException(
            type.getName() + " has " + byName.size() + " properties, its binder " + names.length);
      }
      return byName;
    }

    private static Field declaredField(Class<?> type, String name) {
      try {
        return type.getDeclaredField(name);
      } catch (NoSuchFieldException e) {
        return null;
      }
    }

    /** The UTF-8 bytes of a name JSON writes as it is, or null when it holds a quote, backslash or control. */
    static byte[] plainBytes(String name) {
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
          return null;
        }
      }
      return name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static ModelClass of(Class<?> type) {
      return CACHE.get(type);
    }

    /** The index of a property, or -1 when the class does not list it. */
    int indexOf(String name) {
      Integer i = indexByName.get(name);
      return i == null ? -1 : i;
    }
  }

  /** A model class: known properties bound from the reader, others kept. */
  static final class ModelAdapter<T> extends TypeAdapter<T> {
    private final Gson gson;
    private final ModelClass model;
    private final TypeAdapter<?>[] adapters;

    ModelAdapter(Gson gson, Class<T> type) {
      this.gson = gson;
      this.model = ModelClass.of(type);
      this.adapters = new TypeAdapter<?>[model.fields.length];
    }

    @SuppressWarnings("unchecked")
    private TypeAdapter<Object> adapter(int i) {
      TypeAdapter<?> adapter = adapters[i];
      if (adapter == null) {
        // resolved on first use: models refer to each other (Response -> OutputItem -> ... -> Response)
        adapter = gson.getAdapter(TypeToken.get(model.fields[i].getGenericType()));
        adapters[i] = adapter;
      }
      return (TypeAdapter<Object>) adapter;
    }

    @SuppressWarnings("unchecked")
    T newInstance() {
      return (T) model.binder.create();
    }

    @Override
    public T read(JsonReader in) throws IOException {
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        return null;
      }
      T value = newInstance();
      in.beginObject();
      checkRequired(readMembers(value, in, 0L, 0));
      in.endObject();
      return value;
    }

    /**
     * Reads the remaining members of the current object (not its end).
     *
     * <p>A server writes a kind's members in one order, each time (not always the spec's: Mastra's stream events
     * put {@code sequence_number} last). Each name is first compared with the property that followed the
     * previous one last time (at first, the spec's next), and looked up only when it is another: a lookup hashes
     * the name. It was 9-12% of the samples of decoding a page at 16 callers (JFR), and 6% of reading a stream,
     * whose events' order is not the spec's.
     *
     * @param present the properties set to a value so far (bit i for {@code fields[i]})
     * @param slot the index of the property read last, plus one (0 when none)
     * @return those set to a value now
     */
    long readMembers(T value, JsonReader in, long present, int slot) throws IOException {
      String[] names = model.names;
      byte[][] nameBytes = model.nameBytes;
      int[] followers = model.followers;
      Utf8JsonReader utf8 = in instanceof Utf8JsonReader ? (Utf8JsonReader) in : null;
      while (in.hasNext()) {
        int guess = followers[slot];
        if (guess < 0) {
          guess = slot; // the spec's order
        }
        boolean guessed = guess < names.length;
        String name;
        int i;
        if (guessed && utf8 != null && nameBytes[guess] != null && utf8.nextNameIs(nameBytes[guess], names[guess])) {
          name = names[guess]; // compared in place: no string made, no table of shared strings looked up
          i = guess;
        } else {
          name = in.nextName();
          if (guessed && names[guess].equals(name)) {
            i = guess;
          } else {
            i = model.indexOf(name);
            if (i >= 0) {
              followers[slot] = i;
            }
          }
        }
        present = readMember(value, name, i, in, present);
        slot = i + 1;
      }
      return present;
    }

    /** The index of a property, or -1 when the class does not list it. */
    int indexOf(String name) {
      return model.indexOf(name);
    }

    private long readMember(T value, String name, int i, JsonReader in, long present) throws IOException {
      if (i < 0) {
        model.binder.additional(value, true).put(name, ELEMENTS.read(in));
        return present;
      } else if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        model.binder.set(value, i + 1, null);
        model.binder.nullsRead(value, true).add(name);
        return set(present, i, null);
      } else {
        byte[] preset = model.presetBytes[i];
        Object read =
            preset != null && in instanceof Utf8JsonReader && ((Utf8JsonReader) in).nextStringIs(preset)
                ? model.presets[i] // a variant's kind, as the class presets it: compared in place
                : adapter(i).read(in);
        model.binder.set(value, i + 1, read);
        return set(present, i, read);
      }
    }

    /** {@code present} with property {@code i} now holding {@code value}. */
    private static long set(long present, int i, Object value) {
      long bit = i < 64 ? 1L << i : 0;
      return value == null ? present & ~bit : present | bit;
    }

    /** Notes a model that lacks a required property, or may: see {@link #mayBeIncomplete()}. */
    void checkRequired(long present) {
      if (!model.counted || (present & model.requiredMask) != model.requiredMask) {
        INCOMPLETE.get()[0] = true;
      }
    }

    /**
     * Sets a member already read as a JSON string (a union's discriminator): a {@code String} field directly,
     * without the tree reader {@link #readMember(Object, String, JsonElement, long)} would build (a {@code char[1024]}
     * buffer and its stacks for every item of a page and every event of a stream).
     *
     * @param i the index of {@code name}, or -1 when the class does not list it
     */
    long readString(T value, String name, int i, String text, long present) throws IOException {
      if (i < 0 || model.fields[i].getType() != String.class) {
        return readMember(value, name, new JsonPrimitive(text), present);
      }
      model.binder.set(value, i + 1, text);
      return set(present, i, text);
    }

    long readMember(T value, String name, JsonElement element, long present) throws IOException {
      Integer i = model.indexByName.get(name);
      if (i == null) {
        model.binder.additional(value, true).put(name, element);
        return present;
      } else if (element.isJsonNull()) {
        model.binder.set(value, i + 1, null);
        model.binder.nullsRead(value, true).add(name);
        return set(present, i, null);
      }
      Object read;
      if (model.fields[i].getType() == String.class && element.isJsonPrimitive()) {
        // e.g. an item's id, buffered before the discriminator: the text Gson's String adapter would give (a
        // number's or a boolean's own text too), without the tree reader it would need
        read = element.getAsString();
      } else {
        Object direct = direct(model.fields[i].getType(), element);
        read = direct != null ? direct : adapter(i).fromJsonTree(element);
      }
      model.binder.set(value, i + 1, read);
      return set(present, i, read);
    }

    /**
     * A buffered integer or boolean member (one read before the discriminator, e.g. an event's {@code
     * sequence_number}) as the field's type, without a tree reader; null for anything else, which the adapter
     * reads.
     */
    private static Object direct(Class<?> type, JsonElement element) {
      if (!(element instanceof JsonPrimitive)) {
        return null;
      }
      JsonPrimitive primitive = (JsonPrimitive) element;
      if (type == Boolean.class && primitive.isBoolean()) {
        return primitive.getAsBoolean();
      }
      if ((type == Integer.class || type == Long.class) && primitive.isNumber()) {
        // only plain integers in range; anything else (1.5, 1e3, 2^40 for an Integer) is the adapter's to judge
        String text = primitive.getAsString();
        try {
          return type == Integer.class ? (Object) Integer.valueOf(text) : (Object) Long.valueOf(text);
        } catch (NumberFormatException e) {
          return null;
        }
      }
      return null;
    }

    @Override
    public void write(JsonWriter out, T value) throws IOException {
      if (value == null) {
        out.nullValue();
        return;
      }
      Set<String> nulls = model.binder.nullsRead(value, false);
      out.beginObject();
      for (int i = 0; i < model.names.length; i++) {
        Object field = model.binder.get(value, i + 1);
        if (field != null) {
          out.name(model.names[i]);
          adapter(i).write(out, field);
        } else if (nulls != null && nulls.contains(model.names[i])) {
          out.name(model.names[i]);
          writeNull(out);
        }
      }
      Map<String, JsonElement> extra = model.binder.additional(value, false);
      if (extra != null) {
        for (Map.Entry<String, JsonElement> entry : extra.entrySet()) {
          if (!model.indexByName.containsKey(entry.getKey())) {
            out.name(entry.getKey());
            writeTree(out, entry.getValue());
          }
        }
      }
      out.endObject();
    }
  }

  /** A union interface: the variant by the discriminator, else the union's Unknown. */
  private static final class UnionAdapter extends TypeAdapter<Object> {
    private final Gson gson;
    private final String property;
    private final byte[] propertyBytes; // for Utf8JsonReader.peekMemberString; null if it needs escapes
    // a kind's variant and, once looked up, its adapter: one map lookup per object read
    private final Map<String, Variant> variants = new HashMap<>();
    // The variant read last. A stream sends one kind many times in a row, and its kind strings are too long
    // to be shared by the reader: each lookup hashed a new string (4% of reading a stream, JFR); comparing
    // with the last kind does not. Read and written without a lock: a Variant's kind and type are final.
    private Variant last;
    private final Constructor<?> unknown;

    UnionAdapter(Gson gson, Union union) {
      this.gson = gson;
      this.property = union.property();
      this.propertyBytes = ModelClass.plainBytes(property);
      for (int i = 0; i < union.values().length; i++) {
        variants.put(union.values()[i], new Variant(union.values()[i], union.variants()[i]));
      }
      try {
        unknown = union.unknown().getConstructor(JsonObject.class);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(union.unknown().getName() + " has no (JsonObject) constructor", e);
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object read(JsonReader in) throws IOException {
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        return null;
      }
      if (in.peek() != JsonToken.BEGIN_OBJECT) {
        throw new JsonParseException("expected a JSON object at " + in.getPath() + ", got " + in.peek());
      }
      in.beginObject();
      if (in instanceof Utf8JsonReader && propertyBytes != null) {
        // the variant known before any member is read: none is kept as a tree until the discriminator comes
        Variant likely = last;
        String kind =
            likely == null
                ? ((Utf8JsonReader) in).peekMemberString(propertyBytes, null, null)
                : ((Utf8JsonReader) in).peekMemberString(propertyBytes, likely.kind, likely.kindBytes);
        Variant variant = kind == null ? null : variant(kind);
        TypeAdapter<?> adapter = variant == null ? null : variant.adapter(gson);
        if (adapter instanceof ModelAdapter) {
          ModelAdapter<Object> model = (ModelAdapter<Object>) adapter;
          Object value = model.newInstance();
          model.checkRequired(model.readMembers(value, in, 0L, 0));
          in.endObject();
          return value;
        }
      }
      List<Map.Entry<String, JsonElement>> before = null;
      while (in.hasNext()) {
        String name = in.nextName();
        if (name.equals(property) && in.peek() == JsonToken.STRING) {
          String kind = in.nextString();
          Variant variant = variant(kind);
          TypeAdapter<?> adapter = variant == null ? null : variant.adapter(gson);
          if (adapter instanceof ModelAdapter) {
            ModelAdapter<Object> model = (ModelAdapter<Object>) adapter;
            Object value = model.newInstance();
            long present = 0;
            if (before != null) {
              for (Map.Entry<String, JsonElement> member : before) {
                present = model.readMember(value, member.getKey(), member.getValue(), present);
              }
            }
            int at = variant.propertyIndex(model);
            present = model.readString(value, name, at, kind, present);
            model.checkRequired(model.readMembers(value, in, present, at + 1));
            in.endObject();
            return value;
          }
          JsonObject json = membersSoFar(before);
          json.addProperty(name, kind);
          while (in.hasNext()) {
            json.add(in.nextName(), ELEMENTS.read(in));
          }
          in.endObject();
          return variant == null ? newUnknown(json) : adapter.fromJsonTree(json);
        }
        if (before == null) {
          before = new ArrayList<>();
        }
        before.add(new AbstractMap.SimpleImmutableEntry<>(name, ELEMENTS.read(in)));
      }
      JsonObject json = membersSoFar(before);
      if (!json.has(property)) {
        // the path is made only for the message: inside the object, less its last member's name
        String path = in.getPath();
        int dot = path.lastIndexOf('.');
        throw new JsonParseException(
            "the required property " + property + " is missing at " + (dot > 0 ? path.substring(0, dot) : path));
      }
      in.endObject();
      return newUnknown(json); // a discriminator that is not a string
    }

    /** The variant of a kind, or null for a kind the union does not list. */
    private Variant variant(String kind) {
      Variant variant = last;
      if (variant == null || !variant.kind.equals(kind)) {
        variant = variants.get(kind);
        if (variant != null) {
          last = variant;
        }
      }
      return variant;
    }

    private static final int UNKNOWN_INDEX = -2;

    /** A variant class and its adapter, looked up once (Gson's own lookup makes a TypeToken on every call). */
    private final class Variant {
      final String kind;
      final byte[] kindBytes;
      final Class<?> type;
      private volatile TypeAdapter<?> adapter;

      // the index of the discriminator among the variant's properties, once known: looking it up hashed the
      // name for every object read
      private volatile int propertyIndex = UNKNOWN_INDEX;

      Variant(String kind, Class<?> type) {
        this.kind = kind;
        this.kindBytes = kind.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        this.type = type;
      }

      int propertyIndex(ModelAdapter<?> model) {
        int index = propertyIndex;
        if (index == UNKNOWN_INDEX) {
          index = model.indexOf(property);
          propertyIndex = index;
        }
        return index;
      }

      TypeAdapter<?> adapter(Gson gson) {
        TypeAdapter<?> found = adapter;
        if (found == null) {
          found = gson.getAdapter(type); // not under a lock: it may come back here for a nested union
          adapter = found;
        }
        return found;
      }
    }

    private static JsonObject membersSoFar(List<Map.Entry<String, JsonElement>> before) {
      JsonObject json = new JsonObject();
      if (before != null) {
        for (Map.Entry<String, JsonElement> member : before) {
          json.add(member.getKey(), member.getValue());
        }
      }
      return json;
    }

    private Object newUnknown(JsonObject json) {
      try {
        return unknown.newInstance(json);
      } catch (ReflectiveOperationException e) {
        throw unwrap(e);
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void write(JsonWriter out, Object value) throws IOException {
      if (value == null) {
        out.nullValue();
      } else {
        // the variant's own adapter (an Unknown's is UnknownAdapter)
        ((TypeAdapter<Object>) gson.getAdapter(value.getClass())).write(out, value);
      }
    }
  }

  /** An open enum: any string, the constant when the spec lists it. */
  private static final class OpenEnumAdapter extends TypeAdapter<Object> {
    private final Method of;

    // the listed values' texts and constants: a reflective call of of(String) for each role and status of
    // every item cost more than reading the value. Compared one by one, not hashed: a handful of values, most
    // told apart by their length, and the text read is a new string whose hash no one has computed
    private final String[] texts;
    private final Object[] constants;
    // the texts' UTF-8 bytes, compared in place from a Utf8JsonReader (null for one that needs escapes)
    private final byte[][] textBytes;

    OpenEnumAdapter(Method of, Method knownValues) {
      this.of = of;
      try {
        Collection<?> known = (Collection<?>) knownValues.invoke(null);
        constants = known.toArray();
        texts = new String[constants.length];
        textBytes = new byte[constants.length][];
        for (int i = 0; i < constants.length; i++) {
          texts[i] = constants[i].toString();
          textBytes[i] = ModelClass.plainBytes(texts[i]);
        }
      } catch (ReflectiveOperationException e) {
        throw unwrap(e);
      }
    }

    @Override
    public Object read(JsonReader in) throws IOException {
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        return null;
      }
      if (in instanceof Utf8JsonReader) {
        Utf8JsonReader utf8 = (Utf8JsonReader) in;
        for (int i = 0; i < textBytes.length; i++) {
          if (textBytes[i] != null && utf8.nextStringIs(textBytes[i])) {
            return constants[i]; // a listed value, without its text made
          }
        }
      }
      String value = in.nextString();
      for (int i = 0; i < texts.length; i++) {
        if (texts[i].equals(value)) {
          return constants[i];
        }
      }
      try {
        return of.invoke(null, value);
      } catch (ReflectiveOperationException e) {
        throw unwrap(e);
      }
    }

    @Override
    public void write(JsonWriter out, Object value) throws IOException {
      if (value == null) {
        out.nullValue();
      } else {
        out.value(value.toString());
      }
    }
  }

  /** A oneOf without discriminator: the branch by the JSON token. */
  private static final class OneOfValueAdapter extends TypeAdapter<Object> {
    private final Gson gson;
    private final Class<?> type;
    private final List<Method> branches;
    private final Method value;

    OneOfValueAdapter(Gson gson, Class<?> type, List<Method> branches) {
      this.gson = gson;
      this.type = type;
      this.branches = branches;
      try {
        this.value = type.getMethod("value");
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(type.getName() + " has no value()", e);
      }
    }

    private static boolean fits(Class<?> parameter, JsonToken token) {
      switch (token) {
        case STRING:
          return parameter == String.class;
        case BEGIN_ARRAY:
          return Collection.class.isAssignableFrom(parameter) || parameter.isArray();
        case BEGIN_OBJECT:
          return !Collection.class.isAssignableFrom(parameter) && parameter != String.class;
        case NUMBER:
          return Number.class.isAssignableFrom(parameter);
        case BOOLEAN:
          return parameter == Boolean.class;
        default:
          return false;
      }
    }

    @Override
    public Object read(JsonReader in) throws IOException {
      JsonToken token = in.peek();
      if (token == JsonToken.NULL) {
        in.nextNull();
        return null;
      }
      for (Method branch : branches) {
        if (fits(branch.getParameterTypes()[0], token)) {
          Object read = gson.getAdapter(TypeToken.get(branch.getGenericParameterTypes()[0])).read(in);
          try {
            return branch.invoke(null, read);
          } catch (ReflectiveOperationException e) {
            throw unwrap(e);
          }
        }
      }
      throw new JsonParseException(
          "a " + type.getSimpleName() + " cannot be a JSON " + token + " at " + in.getPath());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void write(JsonWriter out, Object holder) throws IOException {
      if (holder == null) {
        out.nullValue();
        return;
      }
      Object content;
      try {
        content = value.invoke(holder);
      } catch (ReflectiveOperationException e) {
        throw unwrap(e);
      }
      for (Method branch : branches) {
        if (branch.getParameterTypes()[0].isInstance(content)) {
          Type parameter = branch.getGenericParameterTypes()[0];
          ((TypeAdapter<Object>) gson.getAdapter(TypeToken.get(parameter))).write(out, content);
          return;
        }
      }
      throw new IllegalStateException("not a branch of " + type.getSimpleName() + ": " + content.getClass());
    }
  }
}
