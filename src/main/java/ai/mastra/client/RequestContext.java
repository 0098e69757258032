package ai.mastra.client;

import ai.mastra.client.internal.Json;
import ai.mastra.client.internal.JsJson;
import ai.mastra.client.internal.RawJson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The caller's request context: a JSON object that Mastra hands to the agent and its tools (a tenant, a user
 * id, a locale...). Immutable and thread-safe; keys keep the order they were set in.
 *
 * <p>Build one from a map or entry by entry, and pass it with {@link RequestOptions#of(RequestContext)}:
 *
 * <pre>{@code
 * RequestContext context = RequestContext.builder().set("tenant", "acme").set("tier", 2).build();
 * client.responses().create(request, RequestOptions.of(context));
 * }</pre>
 *
 * <p>Values may be strings, numbers, booleans, null, maps, lists, arrays, Gson {@code JsonElement}s, or any
 * object Gson can serialize; they are copied when the context is built. How the context travels: on every
 * call the {@code requestContext} query parameter carries base64 of its JSON, encoded as @mastra/client-js
 * does; on POST the JSON body also carries it as the {@code requestContext} object, because Mastra reads the
 * context only from the body on POST (client-js's context never reaches the agent there).
 */
public final class RequestContext {

  private static final RequestContext EMPTY = new RequestContext(new JsonObject());

  private final JsonObject entries;

  private RequestContext(JsonObject entries) {
    this.entries = entries;
  }

  /** Returns the empty context, which is sent as {@code {}}. */
  public static RequestContext empty() {
    return EMPTY;
  }

  /**
   * Returns a context with the entries of {@code values}, in the map's iteration order.
   *
   * @param values the entries; keys must not be null
   * @throws IllegalArgumentException if {@code values} or a key is null
   */
  public static RequestContext of(Map<String, ?> values) {
    if (values == null) {
      throw new IllegalArgumentException("requestContext values must not be null");
    }
    Builder builder = builder();
    for (Map.Entry<String, ?> entry : values.entrySet()) {
      builder.set(entry.getKey(), entry.getValue());
    }
    return builder.build();
  }

  /** Returns a builder for a context set entry by entry. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts with this context's entries. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.entries = entries.deepCopy();
    return builder;
  }

  /** Returns the number of entries. */
  public int size() {
    return entries.size();
  }

  /**
   * Returns the entries as plain Java values: maps, lists, strings, booleans, null, and numbers as
   * {@code Long} when integral, else {@code Double}. A fresh, mutable copy each call.
   */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> entry : entries.entrySet()) {
      map.put(entry.getKey(), Json.GSON.fromJson(entry.getValue(), Object.class));
    }
    return map;
  }

  /** Returns a copy of the entries as a Gson JSON object. */
  public JsonObject toJsonObject() {
    return entries.deepCopy();
  }

  /** Returns the context as JSON text, exactly as JavaScript's {@code JSON.stringify} writes it. */
  public String toJson() {
    return JsJson.stringify(entries);
  }

  /**
   * Returns the value of the {@code requestContext} query parameter: standard base64 (with padding) of the
   * UTF-8 bytes of {@link #toJson()}, the same bytes @mastra/client-js sends.
   */
  public String toQueryParameter() {
    return Base64.getEncoder().encodeToString(toJson().getBytes(StandardCharsets.UTF_8));
  }

  /** Two contexts are equal when they have the same entries in the same order. */
  @Override
  public boolean equals(Object other) {
    return other instanceof RequestContext && toJson().equals(((RequestContext) other).toJson());
  }

  @Override
  public int hashCode() {
    return toJson().hashCode();
  }

  /** Returns the context's JSON. */
  @Override
  public String toString() {
    return "RequestContext" + toJson();
  }

  /** Builds a {@link RequestContext} entry by entry. Not thread-safe; {@link #build()} copies. */
  public static final class Builder {
    private JsonObject entries = new JsonObject();

    private Builder() {}

    /**
     * Sets an entry; setting a key again replaces its value and keeps its first position.
     *
     * @param key the key, not null
     * @param value the value (see {@link RequestContext} for the types accepted); null is sent as null
     * @return this builder
     * @throws IllegalArgumentException if {@code key} is null
     */
    public Builder set(String key, Object value) {
      if (key == null) {
        throw new IllegalArgumentException("requestContext key must not be null");
      }
      entries.add(key, toJsonElement(value, key));
      return this;
    }

    /**
     * Removes an entry, if present.
     *
     * @param key the key
     * @return this builder
     */
    public Builder remove(String key) {
      entries.remove(key);
      return this;
    }

    /** Returns the context; later changes to this builder do not affect it. */
    public RequestContext build() {
      return entries.size() == 0 ? EMPTY : new RequestContext(entries.deepCopy());
    }
  }

  private static JsonElement toJsonElement(Object value, String path) {
    if (value == null) {
      return JsonNull.INSTANCE;
    }
    if (value instanceof JsonElement) {
      return ((JsonElement) value).deepCopy();
    }
    if (value instanceof CharSequence || value instanceof Character) {
      return new JsonPrimitive(value.toString());
    }
    if (value instanceof Boolean) {
      return new JsonPrimitive((Boolean) value);
    }
    if (value instanceof Number) {
      return new JsonPrimitive((Number) value);
    }
    if (value instanceof Map) {
      JsonObject object = new JsonObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (entry.getKey() == null) {
          throw new IllegalArgumentException("requestContext key must not be null (in " + path + ")");
        }
        String key = String.valueOf(entry.getKey());
        object.add(key, toJsonElement(entry.getValue(), path + "." + key));
      }
      return object;
    }
    if (value instanceof Iterable) {
      JsonArray array = new JsonArray();
      int i = 0;
      for (Object item : (Iterable<?>) value) {
        array.add(toJsonElement(item, path + "[" + i++ + "]"));
      }
      return array;
    }
    if (value.getClass().isArray()) {
      JsonArray array = new JsonArray();
      for (int i = 0; i < Array.getLength(value); i++) {
        array.add(toJsonElement(Array.get(value, i), path + "[" + i + "]"));
      }
      return array;
    }
    return Objects.requireNonNull(Json.GSON.toJsonTree(value));
  }

  Map<String, Object> bodyValue() {
    // Raw JSON values: the body then carries exactly the JSON the query parameter encodes.
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> entry : entries.entrySet()) {
      map.put(entry.getKey(), new RawJson(JsJson.stringify(entry.getValue())));
    }
    return Collections.unmodifiableMap(map);
  }
}
