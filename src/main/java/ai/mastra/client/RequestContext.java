package ai.mastra.client;

import ai.mastra.client.internal.JsJson;
import ai.mastra.client.internal.Json;
import ai.mastra.client.internal.RawJson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The caller's request context: a JSON object that Mastra hands to the agent and its tools (a tenant, a user
 * id, a locale...). Immutable and thread-safe.
 *
 * <pre>{@code
 * RequestContext context = RequestContext.builder().set("tenant", "acme").set("tier", 2).build();
 * client.responses().create(request, RequestOptions.of(context));
 * }</pre>
 *
 * <h2>Where it goes</h2>
 *
 * <p>Exactly where the Mastra server reads it (@mastra/hono's {@code MastraServer} context middleware reads
 * the body's {@code requestContext} on POST and PUT, the {@code requestContext} query parameter on GET, and
 * nothing on DELETE):
 *
 * <ul>
 *   <li><b>POST</b> ({@code responses().create}, {@code responses().stream}, {@code conversations().create}):
 *       the {@code requestContext} member of the JSON body, written as {@link #toJson()}, and <b>never</b> in
 *       the URL, where it would only leak tenant and user ids into access logs and hit URL size limits. (One
 *       corner: the generated model's Gson writes the top-level key names, and escapes U+2028 and U+2029 in
 *       them as <code>&#92;u2028</code>, <code>&#92;u2029</code>: other bytes, the same JSON key.)
 *   <li><b>GET</b> ({@code responses().retrieve}, {@code conversations().retrieve}, {@code
 *       conversations().items().list} and its later pages): the {@code requestContext} query parameter, {@link
 *       #toQueryParameter()}, the only place Mastra reads it on GET. A context whose URL-encoded parameter is
 *       longer than {@value #MAX_QUERY_PARAMETER_LENGTH} bytes (8 KB) is refused with an {@link
 *       IllegalArgumentException} before any I/O: servers and proxies refuse long request lines (Node's
 *       default limit of 16 KB of headers includes the URL).
 *   <li><b>DELETE</b> ({@code responses().delete}, {@code conversations().delete}): nowhere, since Mastra reads
 *       no context on DELETE; the context in the options is ignored there.
 * </ul>
 *
 * <h2>Values</h2>
 *
 * <p>Values may be strings ({@code CharSequence}, {@code Character}), booleans, numbers, null, enums (written
 * as Gson writes them), maps (keys: strings, characters, integers or enums), {@code Iterable}s, arrays and Gson
 * {@code JsonElement}s, nested up to {@value #MAX_DEPTH} levels; they are copied when set. Anything else is
 * refused with an {@link IllegalArgumentException} naming its key path (e.g. {@code
 * requestContext.user.tags[3]}) when it is set: other objects (an {@code Optional}, a {@code Thread}, a
 * lambda, a POJO), a map or list that contains itself, deeper nesting, NaN and infinities (JSON has no such
 * numbers), integers ({@code Integer}, {@code Long}, {@code BigInteger}...) that a JavaScript number cannot
 * hold exactly (beyond ±2^53, unless exactly a double; send them as strings), and top-level keys Mastra
 * reserves (see {@link Builder#set}). Decimals ({@code double}, {@code BigDecimal}, numbers in a {@code
 * JsonElement}) are taken as the nearest double, as JavaScript's {@code JSON.parse} takes them.
 *
 * <p>The JSON is written as JavaScript's {@code JSON.stringify} writes the same object, which is what
 * {@code @mastra/client-js} sends: keys that are array indices ({@code "0"} to {@code "4294967294"}) first in
 * ascending order, then the others in the order they were set; numbers as JavaScript writes them ({@code 7}
 * not {@code 7.0}, {@code 1e+21}, shortest round-trip digits, the same on every JDK); strings escaped as
 * JavaScript escapes them.
 */
public final class RequestContext {

  /**
   * The deepest nesting of maps and lists accepted inside a context: 100 levels. Real contexts are a few levels
   * deep; the limit keeps encoding (recursive, like JSON.stringify) far from any thread's stack size, and the
   * JSON within what common parsers accept (Gson's reader stops at 255 levels by default).
   */
  public static final int MAX_DEPTH = 100;

  /**
   * The longest {@code requestContext} query parameter (its URL-encoded form, in bytes) sent on GET: 8 KB.
   */
  public static final int MAX_QUERY_PARAMETER_LENGTH = 8192;

  private static final RequestContext EMPTY = new RequestContext(new JsonObject());
  private static final String RESERVED_PREFIX = "mastra__";
  private static final String RESERVED_ORGANIZATION = "organizationId";
  private static final double TWO_POW_53 = 9007199254740992d;

  private final JsonObject entries;

  // Its encodings, made on first use: a context is immutable and is usually built once and sent with many
  // calls, which each encoded it again (the largest part of what a context cost a call)
  private volatile String json;
  private volatile Map<String, Object> bodyValue;

  private RequestContext(JsonObject entries) {
    this.entries = entries;
  }

  /** Returns the empty context, which is sent as {@code {}}. */
  public static RequestContext empty() {
    return EMPTY;
  }

  /**
   * Returns a context with the entries of {@code values}, set in the map's iteration order.
   *
   * @param values the entries
   * @return the context
   * @throws IllegalArgumentException if {@code values} is null, or a key or value is refused (see {@link
   *     RequestContext} and {@link Builder#set}); the message names the key path
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
   * Returns the entries as plain Java values, in the order they are sent: maps, lists, strings, booleans,
   * null, and numbers as {@code Long} when integral (and within ±2^53), else {@code Double}. A fresh, mutable
   * copy each call.
   */
  public Map<String, Object> toMap() {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) plain(entries);
    return map;
  }

  /** Returns a copy of the entries as a Gson JSON object, in the order they are sent. */
  public JsonObject toJsonObject() {
    return entries.deepCopy();
  }

  /**
   * Returns the context as JSON text, exactly as JavaScript's {@code JSON.stringify} writes the same object.
   * These are the bytes of the {@code requestContext} member of a POST body.
   */
  public String toJson() {
    String text = json;
    if (text == null) {
      text = JsJson.stringify(entries);
      json = text;
    }
    return text;
  }

  /**
   * Returns the value of the {@code requestContext} query parameter sent on GET: standard base64 (with
   * padding) of the UTF-8 bytes of {@link #toJson()}, the same bytes @mastra/client-js sends.
   */
  public String toQueryParameter() {
    return Base64.getEncoder().encodeToString(toJson().getBytes(StandardCharsets.UTF_8));
  }

  /** Two contexts are equal when they are sent as the same JSON. */
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

  /**
   * The body value: one raw JSON value per top-level key, so that Gson writes each value exactly as {@link
   * #toJson()} does (null entries kept, {@code 7} not {@code 7.0}, U+2028 unescaped), in the same key order.
   */
  Map<String, Object> bodyValue() {
    Map<String, Object> value = bodyValue;
    if (value == null) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> entry : entries.entrySet()) {
        map.put(entry.getKey(), new RawJson(JsJson.stringify(entry.getValue())));
      }
      value = Collections.unmodifiableMap(map);
      bodyValue = value;
    }
    return value;
  }

  /** Builds a {@link RequestContext} entry by entry. Not thread-safe; {@link #build()} copies. */
  public static final class Builder {
    private JsonObject entries = new JsonObject();

    private Builder() {}

    /**
     * Sets an entry; setting a key again replaces its value and keeps its first position (as in JavaScript).
     * The value is checked and copied now (see {@link RequestContext} for what is accepted).
     *
     * <p>Keys Mastra reserves for itself are refused: every key starting with {@code mastra__} (the server
     * drops {@code mastra__resourceId}, {@code mastra__threadId}, {@code mastra__user*}, {@code
     * mastra__authToken}... and Mastra code reads others such as {@code mastra__versions}; they are meant to be
     * set by server middleware, so a client setting one is a mistake or an attempt to act as another
     * resource), and {@code organizationId}, which the server also drops. A key with an unpaired surrogate
     * character is refused too: it cannot be written as UTF-8 in a body.
     *
     * @param key the key, not null
     * @param value the value; null is sent as null
     * @return this builder
     * @throws IllegalArgumentException if the key is null, reserved or not valid text, or the value is refused;
     *     the message names the key path (e.g. {@code requestContext.user.tags[3]})
     */
    public Builder set(String key, Object value) {
      if (key == null) {
        throw new IllegalArgumentException("requestContext key must not be null");
      }
      checkTopLevelKey(key);
      entries.add(key, new Converter().convert(value, new Path(null, key, -1), 1));
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

    /** Returns the context, its keys in the order they are sent; later changes to this builder do not affect it. */
    public RequestContext build() {
      return entries.size() == 0 ? EMPTY : new RequestContext((JsonObject) ordered(entries));
    }
  }

  // The reserved keys are those of the pinned server: @mastra/server's RESERVED_CONTEXT_KEYS, dropped by
  // MastraServer.mergeRequestContext (src/test/mastra-server/node_modules/@mastra/server/dist/constants-*.js and
  // dist/server/server-adapter/index.js: mastra__resourceId, mastra__threadId, mastra__user,
  // mastra__userPermissions, mastra__userRoles, mastra__authToken, mastra__isStudio, mastra__authMode,
  // mastra__inheritedMemory, organizationId), and @mastra/core's request-context keys (dist/request-context-*.js:
  // also mastra__versions and mastra__messageAuthor, which the server does not drop but core acts on). The whole
  // mastra__ prefix is Mastra's namespace, so new reserved keys are refused too.
  private static void checkTopLevelKey(String key) {
    if (key.startsWith(RESERVED_PREFIX) || key.equals(RESERVED_ORGANIZATION)) {
      throw new IllegalArgumentException(
          "requestContext key \"" + key + "\" is reserved by Mastra (keys starting with \"" + RESERVED_PREFIX
              + "\" and \"" + RESERVED_ORGANIZATION + "\" are set by the server's own middleware, e.g. from "
              + "authentication; the server drops them from a client's context, or acts on them as trusted): "
              + "use another key");
    }
    for (int i = 0; i < key.length(); i++) {
      if (JsJson.isLoneSurrogate(key, i)) {
        throw new IllegalArgumentException(
            "requestContext key " + JsJson.stringify(new JsonPrimitive(key)) + " contains an unpaired surrogate "
                + "character (index " + i + "), which cannot be sent as UTF-8 text");
      }
    }
  }

  /** A key path, rendered only for error messages (so deep values cost nothing until they fail). */
  private static final class Path {
    final Path parent;
    final String key;
    final int index;

    Path(Path parent, String key, int index) {
      this.parent = parent;
      this.key = key;
      this.index = index;
    }

    @Override
    public String toString() {
      List<Path> steps = new ArrayList<>();
      for (Path p = this; p != null; p = p.parent) {
        steps.add(p);
      }
      StringBuilder out = new StringBuilder("requestContext");
      for (int i = steps.size() - 1; i >= 0; i--) {
        Path step = steps.get(i);
        if (step.key == null) {
          out.append('[').append(step.index).append(']');
        } else if (step.key.matches("[A-Za-z_$][A-Za-z0-9_$]*")) {
          out.append('.').append(step.key);
        } else {
          out.append('[').append(JsJson.stringify(new JsonPrimitive(step.key))).append(']');
        }
      }
      if (out.length() > 240) {
        return out.substring(0, 120) + "..." + out.substring(out.length() - 100);
      }
      return out.toString();
    }
  }

  /** Turns one value into JSON, checking it; one per {@code set}, to track the containers being visited. */
  private static final class Converter {
    private final Map<Object, Path> visiting = new IdentityHashMap<>();

    JsonElement convert(Object value, Path path, int depth) {
      if (value == null || value instanceof JsonNull) {
        return JsonNull.INSTANCE;
      }
      if (value instanceof JsonPrimitive) {
        JsonPrimitive primitive = (JsonPrimitive) value;
        if (primitive.isNumber()) {
          return number(primitive.getAsNumber(), path);
        }
        return primitive.isBoolean() ? new JsonPrimitive(primitive.getAsBoolean())
            : new JsonPrimitive(primitive.getAsString());
      }
      if (value instanceof CharSequence || value instanceof Character) {
        return new JsonPrimitive(value.toString());
      }
      if (value instanceof Boolean) {
        return new JsonPrimitive((Boolean) value);
      }
      if (value instanceof Number) {
        return number((Number) value, path);
      }
      if (value instanceof Enum) {
        // As Gson writes it: the generated enums write their wire value, others their name.
        return convert(Json.GSON.toJsonTree(value), path, depth);
      }
      boolean container = value instanceof Map || value instanceof Iterable || value instanceof JsonObject
          || value instanceof JsonArray || value.getClass().isArray();
      if (!container) {
        throw new IllegalArgumentException(path + ": " + describe(value) + " is not a JSON value; use a String, "
            + "Number, Boolean, null, enum, Map, Iterable, array or Gson JsonElement");
      }
      if (depth > MAX_DEPTH) {
        throw new IllegalArgumentException(
            path + ": nested deeper than " + MAX_DEPTH + " levels of maps and lists, the most a request context may have");
      }
      Path seen = visiting.put(value, path);
      if (seen != null) {
        throw new IllegalArgumentException(
            path + ": this " + kind(value) + " contains itself (it is also " + seen + "); a cycle cannot be sent as JSON");
      }
      try {
        return convertContainer(value, path, depth);
      } finally {
        visiting.remove(value);
      }
    }

    private JsonElement convertContainer(Object value, Path path, int depth) {
      if (value instanceof JsonObject) {
        JsonObject object = new JsonObject();
        for (Map.Entry<String, JsonElement> entry : ((JsonObject) value).entrySet()) {
          object.add(entry.getKey(), convert(entry.getValue(), new Path(path, entry.getKey(), -1), depth + 1));
        }
        return object;
      }
      if (value instanceof Map) {
        JsonObject object = new JsonObject();
        for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
          String key = key(entry.getKey(), path);
          object.add(key, convert(entry.getValue(), new Path(path, key, -1), depth + 1));
        }
        return object;
      }
      JsonArray array = new JsonArray();
      if (value instanceof JsonArray || value instanceof Iterable) {
        int i = 0;
        for (Object item : (Iterable<?>) value) {
          array.add(convert(item, new Path(path, null, i), depth + 1));
          i++;
        }
        return array;
      }
      for (int i = 0; i < Array.getLength(value); i++) {
        array.add(convert(Array.get(value, i), new Path(path, null, i), depth + 1));
      }
      return array;
    }

    private static String key(Object key, Path path) {
      if (key instanceof CharSequence || key instanceof Character) {
        return key.toString();
      }
      if (key instanceof Integer || key instanceof Long || key instanceof Short || key instanceof Byte
          || key instanceof BigInteger) {
        return key.toString(); // as JavaScript turns an integer property key into a string
      }
      if (key instanceof Enum) {
        return ((Enum<?>) key).name();
      }
      throw new IllegalArgumentException(path + ": a map key must be a String, Character, integer or enum, got "
          + (key == null ? "null" : describe(key)));
    }

    private static JsonPrimitive number(Number number, Path path) {
      boolean integral = number instanceof Integer || number instanceof Long || number instanceof Short
          || number instanceof Byte || number instanceof BigInteger || number instanceof AtomicInteger
          || number instanceof AtomicLong;
      double value = number.doubleValue();
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        throw new IllegalArgumentException(path + ": " + number + " is not a JSON number (JSON has no NaN or "
            + "infinities, and JavaScript would send null); send null or a string");
      }
      if (integral) {
        BigInteger exact = number instanceof BigInteger ? (BigInteger) number : BigInteger.valueOf(number.longValue());
        if (!new BigDecimal(value).toBigInteger().equals(exact)) {
          throw new IllegalArgumentException(path + ": " + number + " cannot be held exactly by a JavaScript number "
              + "(integers beyond +/-2^53 are rounded, e.g. to " + JsJson.number(value) + "); send it as a string");
        }
      }
      if (value == Math.rint(value) && Math.abs(value) <= TWO_POW_53) {
        return new JsonPrimitive((long) value); // also -0.0, which JavaScript writes as 0
      }
      return new JsonPrimitive(value);
    }

    private static String kind(Object value) {
      return value instanceof Map || value instanceof JsonObject ? "map" : "list";
    }

    private static String describe(Object value) {
      if (value instanceof Optional || value instanceof OptionalInt || value instanceof OptionalLong
          || value instanceof OptionalDouble) {
        return "an " + value.getClass().getSimpleName() + " (pass its value, or null when empty)";
      }
      String name = value.getClass().getName();
      if (name.contains("$$Lambda")) {
        return "a lambda (" + name + ")";
      }
      return "a " + name;
    }
  }

  /** A copy of {@code element} with every object's keys in JavaScript's order, the order they are sent in. */
  private static JsonElement ordered(JsonElement element) {
    if (element.isJsonObject()) {
      JsonObject object = element.getAsJsonObject();
      JsonObject copy = new JsonObject();
      for (String key : JsJson.keysInJavaScriptOrder(object)) {
        copy.add(key, ordered(object.get(key)));
      }
      return copy;
    }
    if (element.isJsonArray()) {
      JsonArray copy = new JsonArray();
      for (JsonElement item : element.getAsJsonArray()) {
        copy.add(ordered(item));
      }
      return copy;
    }
    return element; // primitives and null are immutable
  }

  private static Object plain(JsonElement element) {
    if (element.isJsonNull()) {
      return null;
    }
    if (element.isJsonObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonElement> entry : element.getAsJsonObject().entrySet()) {
        map.put(entry.getKey(), plain(entry.getValue()));
      }
      return map;
    }
    if (element.isJsonArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonElement item : element.getAsJsonArray()) {
        list.add(plain(item));
      }
      return list;
    }
    JsonPrimitive primitive = element.getAsJsonPrimitive();
    if (primitive.isBoolean()) {
      return primitive.getAsBoolean();
    }
    if (primitive.isString()) {
      return primitive.getAsString();
    }
    Number number = primitive.getAsNumber();
    return number instanceof Long ? number : (Object) number.doubleValue();
  }
}
