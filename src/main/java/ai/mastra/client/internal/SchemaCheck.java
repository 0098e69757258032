package ai.mastra.client.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;

/**
 * Checks a JSON value against a schema made by {@link JsonSchemas}, before Gson binds it: Gson alone would
 * read a missing field as null or 0, an unknown enum constant as null and {@code 2.5} into an {@code int} as
 * an error deep inside, so a wrong answer would pass for a right one. Only the keywords {@link JsonSchemas}
 * writes are understood: {@code type} (one or a list), {@code enum}, {@code properties}, {@code required},
 * {@code additionalProperties} (a schema; {@code false} is not enforced, so that a model adding a property
 * does not fail an answer Gson reads fine), {@code propertyNames}, {@code items}, {@code uniqueItems}, {@code
 * minLength}/{@code maxLength}, {@code anyOf} and {@code $ref} to {@code #} or {@code #/$defs/...}.
 */
public final class SchemaCheck {
  private SchemaCheck() {}

  /**
   * Returns why {@code value} does not match {@code schema}, as {@code "$.path: reason"}, or null when it
   * matches. It also adds an explicit null for every optional property an object leaves out, so that Gson
   * hands an {@code Optional} field (or record component) {@code Optional.empty()} rather than leave it null:
   * pass a value the caller does not need unchanged.
   */
  public static String mismatch(JsonObject schema, JsonElement value) {
    return check(schema, schema, value, "$");
  }

  private static String check(JsonObject root, JsonObject schema, JsonElement value, String path) {
    if (schema.has("$ref")) {
      String target = schema.get("$ref").getAsString();
      JsonObject resolved = target.equals("#") ? root
          : root.getAsJsonObject("$defs").getAsJsonObject(target.substring("#/$defs/".length()));
      return check(root, resolved, value, path);
    }
    if (schema.has("anyOf")) {
      String first = null;
      for (JsonElement option : schema.getAsJsonArray("anyOf")) {
        String why = check(root, option.getAsJsonObject(), value, path);
        if (why == null) {
          return null;
        }
        first = first == null ? why : first;
      }
      return first;
    }
    JsonElement type = schema.get("type");
    if (type != null) {
      boolean matches = false;
      if (type.isJsonArray()) {
        for (JsonElement one : type.getAsJsonArray()) {
          matches |= isType(one.getAsString(), value);
        }
      } else {
        matches = isType(type.getAsString(), value);
      }
      if (!matches) {
        return path + ": expected " + (type.isJsonArray() ? type.toString() : type.getAsString()) + ", got "
            + describe(value);
      }
    }
    if (value.isJsonNull()) {
      return null;
    }
    if (schema.has("enum")) {
      JsonArray allowed = schema.getAsJsonArray("enum");
      if (!allowed.contains(value)) {
        return path + ": " + describe(value) + " is not one of " + allowed;
      }
    }
    if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
      int length = value.getAsString().codePointCount(0, value.getAsString().length());
      if (schema.has("minLength") && length < schema.get("minLength").getAsInt()
          || schema.has("maxLength") && length > schema.get("maxLength").getAsInt()) {
        return path + ": a string of " + length + " characters, expected " + schema.get("minLength") + " to "
            + schema.get("maxLength");
      }
    }
    if (value.isJsonObject()) {
      return checkObject(root, schema, value.getAsJsonObject(), path);
    }
    if (value.isJsonArray() && schema.has("items")) {
      JsonObject items = schema.getAsJsonObject("items");
      JsonArray array = value.getAsJsonArray();
      for (int i = 0; i < array.size(); i++) {
        String why = check(root, items, array.get(i), path + "[" + i + "]");
        if (why != null) {
          return why;
        }
      }
      if (schema.has("uniqueItems") && schema.get("uniqueItems").getAsBoolean()
          && new HashSet<>(array.asList()).size() != array.size()) {
        return path + ": the items must be unique (a Set), but some repeat";
      }
    }
    return null;
  }

  private static String checkObject(JsonObject root, JsonObject schema, JsonObject value, String path) {
    JsonObject properties = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
    if (schema.has("required")) {
      for (JsonElement name : schema.getAsJsonArray("required")) {
        JsonElement member = value.get(name.getAsString());
        if (member == null) {
          return path + ": the required property \"" + name.getAsString() + "\" is missing";
        }
      }
    }
    for (Map.Entry<String, JsonElement> property : properties.entrySet()) {
      if (!value.has(property.getKey())) {
        value.add(property.getKey(), JsonNull.INSTANCE); // an optional property: see mismatch()
      }
    }
    for (Map.Entry<String, JsonElement> member : value.entrySet()) {
      String memberPath = path + "." + member.getKey();
      if (properties.has(member.getKey())) {
        String why = check(root, properties.getAsJsonObject(member.getKey()), member.getValue(), memberPath);
        if (why != null) {
          return why;
        }
      } else if (schema.has("additionalProperties") && schema.get("additionalProperties").isJsonObject()) {
        if (schema.has("propertyNames")) {
          String why = check(root, schema.getAsJsonObject("propertyNames"), new JsonPrimitive(member.getKey()),
              memberPath);
          if (why != null) {
            return path + ": the key \"" + member.getKey() + "\" is not one of "
                + schema.getAsJsonObject("propertyNames").get("enum");
          }
        }
        String why = check(root, schema.getAsJsonObject("additionalProperties"), member.getValue(), memberPath);
        if (why != null) {
          return why;
        }
      }
    }
    return null;
  }

  private static boolean isType(String type, JsonElement value) {
    switch (type) {
      case "null":
        return value.isJsonNull();
      case "object":
        return value.isJsonObject();
      case "array":
        return value.isJsonArray();
      case "string":
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isString();
      case "boolean":
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean();
      case "number":
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
      case "integer":
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
          return false;
        }
        try {
          BigDecimal number = value.getAsBigDecimal();
          return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
        } catch (NumberFormatException e) {
          return false;
        }
      default:
        return true;
    }
  }

  private static String describe(JsonElement value) {
    if (value.isJsonNull()) {
      return "null";
    }
    if (value.isJsonObject()) {
      return "an object";
    }
    if (value.isJsonArray()) {
      return "an array";
    }
    JsonPrimitive primitive = value.getAsJsonPrimitive();
    String text = primitive.toString();
    if (text.length() > 40) {
      text = text.substring(0, 40) + "...";
    }
    if (primitive.isString()) {
      return "the string " + text;
    }
    if (primitive.isBoolean()) {
      return "the boolean " + text;
    }
    return "the number " + text;
  }
}
