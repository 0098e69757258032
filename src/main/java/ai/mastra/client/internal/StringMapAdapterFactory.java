package ai.mastra.client.internal;

import com.google.gson.Gson;
import com.google.gson.JsonIOException;
import com.google.gson.JsonSyntaxException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

/**
 * Reads a map with String keys (the models' {@code Map<String, Object>} {@code metadata}, {@code parameters},
 * {@code schema}...; any map class Gson would make) as Gson does, but with public {@link JsonReader} calls only: Gson's own map adapter reads
 * each key through internal access to the state of its own reader class, which {@link Utf8JsonReader} cannot
 * share. Same results: the keys in their order (for {@code Map} itself a {@link LinkedHashMap}, where Gson makes its own
 * insertion-order map; the declared class otherwise), a {@code null} value kept, a key twice fails with Gson's message, the {@code [[key, value], ...]} form
 * read too. Maps are written by Gson's adapter, unchanged.
 */
final class StringMapAdapterFactory implements TypeAdapterFactory {

  @Override
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    Supplier<Map<Object, Object>> maker = maker(type.getRawType());
    if (maker == null) {
      return null;
    }
    Type keyType = Object.class;
    Type valueType = Object.class;
    Type declared = type.getType();
    if (declared instanceof Class && ((Class<?>) declared).getGenericSuperclass() instanceof ParameterizedType) {
      declared = ((Class<?>) declared).getGenericSuperclass(); // a class that extends HashMap<String, X>
    }
    if (declared instanceof ParameterizedType && ((ParameterizedType) declared).getActualTypeArguments().length == 2) {
      Type[] arguments = ((ParameterizedType) declared).getActualTypeArguments();
      keyType = arguments[0];
      valueType = arguments[1];
    }
    if (keyType != String.class && keyType != Object.class) {
      return null;
    }
    @SuppressWarnings("unchecked")
    TypeAdapter<T> adapter =
        (TypeAdapter<T>)
            new Adapter<>(
                maker,
                gson.getAdapter(TypeToken.get(keyType)),
                gson.getAdapter(TypeToken.get(valueType)),
                gson.getDelegateAdapter(this, type));
    return adapter;
  }

  /** Makes an empty map of the declared class, as Gson would pick it; null for a class it cannot make. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Supplier<Map<Object, Object>> maker(Class<?> raw) {
    if (!Map.class.isAssignableFrom(raw)) {
      return null;
    }
    if (raw == Map.class) {
      return LinkedHashMap::new;
    } else if (raw == SortedMap.class || raw == NavigableMap.class) {
      return TreeMap::new;
    } else if (raw == ConcurrentMap.class) {
      return ConcurrentHashMap::new;
    } else if (raw == ConcurrentNavigableMap.class) {
      return ConcurrentSkipListMap::new;
    }
    if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
      return null;
    }
    try {
      Constructor<?> constructor = raw.getDeclaredConstructor();
      if (!Modifier.isPublic(constructor.getModifiers())) {
        return null;
      }
      return () -> {
        try {
          return (Map) constructor.newInstance();
        } catch (ReflectiveOperationException e) {
          throw new JsonIOException("cannot make a " + raw.getName(), e);
        }
      };
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static final class Adapter<V> extends TypeAdapter<Map<Object, V>> {
    private final Supplier<Map<Object, Object>> maker;
    private final TypeAdapter<?> keys;
    private final TypeAdapter<V> values;
    private final TypeAdapter<Map<Object, V>> writer;

    @SuppressWarnings("unchecked")
    Adapter(Supplier<Map<Object, Object>> maker, TypeAdapter<?> keys, TypeAdapter<V> values, TypeAdapter<?> writer) {
      this.maker = maker;
      this.keys = keys;
      this.values = values;
      this.writer = (TypeAdapter<Map<Object, V>>) writer;
    }

    @Override
    public Map<Object, V> read(JsonReader in) throws IOException {
      JsonToken token = in.peek();
      if (token == JsonToken.NULL) {
        in.nextNull();
        return null;
      }
      @SuppressWarnings("unchecked")
      Map<Object, V> map = (Map<Object, V>) maker.get();
      if (token == JsonToken.BEGIN_ARRAY) {
        in.beginArray();
        while (in.hasNext()) {
          in.beginArray();
          Object key = unique(map, keys.read(in), in);
          map.put(key, values.read(in));
          in.endArray();
        }
        in.endArray();
      } else {
        in.beginObject();
        while (in.hasNext()) {
          Object key = unique(map, in.nextName(), in);
          map.put(key, values.read(in));
        }
        in.endObject();
      }
      return map;
    }

    private static Object unique(Map<Object, ?> map, Object key, JsonReader in) {
      if (map.containsKey(key)) {
        throw new JsonSyntaxException("Duplicate key '" + key + "'; at path " + in.getPreviousPath());
      }
      return key;
    }

    @Override
    public void write(JsonWriter out, Map<Object, V> value) throws IOException {
      writer.write(out, value);
    }
  }
}
