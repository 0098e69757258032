package ai.mastra.client;

import ai.mastra.client.internal.JsonSchemas;
import ai.mastra.client.internal.StructuredJson;
import ai.mastra.client.model.JsonSchemaFormat;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseStatus;
import ai.mastra.client.model.TextConfig;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import java.util.Map;

/**
 * Structured output read into a Java class: the JSON Schema of the class, sent as {@code text.format}
 * ({@code json_schema}), and the answer parsed back into an instance. The shortcuts are {@link
 * Responses#create(ai.mastra.client.model.ResponseCreateRequest, Class)}, {@link AgentSession#send(String,
 * Class)} and {@link ResponseStream#finalOutput(Class)}; this class is for everything else (a request built by
 * hand, a stream, a response kept whole).
 *
 * <pre>{@code
 * StructuredOutput<Ticket> ticket = StructuredOutput.of(Ticket.class);
 * Response response = client.responses().create(new ResponseCreateRequest()
 *     .agentId("support-agent").input("Summarize the ticket").text(ticket.textConfig()));
 * Ticket t = ticket.parse(response);
 * }</pre>
 *
 * <p><b>The schema is what Gson reads</b>, since Gson parses the answer: the instance fields of the class and
 * its superclasses (not static, not transient), named by {@code @SerializedName} or as declared; records by
 * their components. {@code String} and {@code char} are strings; {@code boolean} boolean; integral types and
 * {@code BigInteger} integer; {@code float}, {@code double} and {@code BigDecimal} number (boxed or primitive
 * alike); enums strings listing their constants; arrays, {@code List}, {@code Collection} and {@code Set}
 * arrays; {@code Map}s with {@code String} or enum keys objects; other classes nested objects (a class that
 * contains itself goes to {@code $defs}); Gson's {@code JsonElement} any value. Every field is {@code required}
 * and non-null, except an {@code Optional<T>} ({@code OptionalInt}...) field or one annotated with any runtime
 * {@code @Nullable}, which may be missing or null. Objects have {@code additionalProperties: false}. A type
 * that has no faithful schema (an interface, {@code Object}, a raw or wildcard collection, {@code java.time}
 * types, a field with {@code @JsonAdapter}...) is refused with an {@link IllegalArgumentException} naming the
 * field path.
 *
 * <p><b>The answer is checked before it is bound</b>: not JSON, a required property missing or null, a wrong
 * type, a fraction for an integer, an enum constant the class does not have: each throws {@link
 * MastraStructuredOutputException} with the raw text (Gson alone would silently leave nulls and zeros). A
 * property the class does not have is ignored. A JSON answer wrapped in a Markdown code fence is accepted.
 *
 * <p>Immutable and thread-safe; the schema of a class is generated once.
 *
 * @param <T> the class of the answer
 */
public final class StructuredOutput<T> {
  private final Class<T> type;
  private final String name;
  private final JsonObject schema;

  private StructuredOutput(Class<T> type) {
    this.type = type;
    this.schema = JsonSchemas.of(type);
    this.name = formatName(type);
  }

  /**
   * Returns the structured output of {@code type}.
   *
   * @param type a class or record with fields
   * @param <T> the class
   * @return its structured output
   * @throws IllegalArgumentException if {@code type} is null, or it or one of its fields has no JSON schema
   *     (the message names the field path)
   */
  public static <T> StructuredOutput<T> of(Class<T> type) {
    Checks.notNull(type, "type");
    return new StructuredOutput<>(type);
  }

  /** Returns the class answers are read into. */
  public Class<T> type() {
    return type;
  }

  /**
   * Returns the name sent in the format: the class's simple name with any character other than a letter,
   * digit, {@code _} or {@code -} replaced by {@code _}, at most 64 characters (OpenAI's rule).
   */
  public String name() {
    return name;
  }

  /**
   * Returns the JSON Schema of the class as plain Java values (maps, lists, strings, booleans, numbers): a
   * fresh, mutable copy.
   */
  public Map<String, Object> schema() {
    return ai.mastra.client.internal.Json.GSON.fromJson(schema, new TypeToken<Map<String, Object>>() {}.getType());
  }

  /** Returns the JSON Schema of the class as JSON text. */
  public String schemaJson() {
    return schema.toString();
  }

  /**
   * Returns the {@code json_schema} format of the class: name, schema, no {@code strict} flag (see the
   * README on strict mode).
   */
  public JsonSchemaFormat format() {
    return new JsonSchemaFormat().name(name).schema(schema());
  }

  /** Returns a text configuration with {@link #format()}, for {@code request.text(...)}. */
  public TextConfig textConfig() {
    return new TextConfig().format(format());
  }

  /**
   * Reads an answer's text into the class.
   *
   * @param text the JSON text of the answer
   * @return the instance
   * @throws IllegalArgumentException if {@code text} is null
   * @throws MastraStructuredOutputException if the text is not JSON that fits the class
   */
  public T parse(String text) {
    Checks.notNull(text, "text");
    return parse(text, null);
  }

  /**
   * Reads a response's answer ({@link Response#outputText()}) into the class.
   *
   * @param response a finished response
   * @return the instance
   * @throws IllegalArgumentException if {@code response} is null
   * @throws MastraStructuredOutputException if the text is not JSON that fits the class, whatever the status
   *     (Mastra ends a stream whose answer fails the schema with status {@code incomplete})
   * @throws ResponseIncompleteException if the text fits but the response's status is not {@code completed}
   *     (the model failed: its text is only part of an answer)
   */
  public T parse(Response response) {
    Checks.notNull(response, "response");
    if (response.getStatus() != ResponseStatus.COMPLETED) {
      // Mastra ends a stream whose answer fails its own schema check as "incomplete", like a model failure:
      // an answer that does not fit is said so; one that fits is still only part of a response.
      parse(response.outputText(), response);
      throw new ResponseIncompleteException(response);
    }
    return parse(response.outputText(), response);
  }

  /** The message start of Mastra's refusal of an answer that fails the schema (HTTP 500, answer not sent). */
  static final String SERVER_REFUSAL = "Structured output validation failed";

  /** Runs a blocking turn and reads its answer, Mastra's own refusal of the answer made the typed exception. */
  T read(java.util.function.Supplier<Response> call) {
    Response response;
    try {
      response = call.get();
    } catch (ServerException e) {
      throw refusal(e);
    }
    return parse(response);
  }

  /** {@link #read} for a future; cancelling the result cancels {@code call}. */
  java.util.concurrent.CompletableFuture<T> readAsync(java.util.concurrent.CompletableFuture<Response> call) {
    java.util.concurrent.CompletableFuture<T> result = call.handle((response, failure) -> {
      if (failure != null) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
            ? failure.getCause() : failure;
        throw new java.util.concurrent.CompletionException(
            cause instanceof ServerException ? refusal((ServerException) cause) : cause);
      }
      return parse(response);
    });
    result.whenComplete((value, failure) -> {
      if (result.isCancelled()) {
        call.cancel(true);
      }
    });
    return result;
  }

  /**
   * Mastra checks a {@code json_schema} answer itself and answers HTTP 500 "Structured output validation
   * failed: ..." when it does not fit (without the answer): that is this SDK's {@link
   * MastraStructuredOutputException} too, with an empty text and the server's error as the cause.
   */
  private RuntimeException refusal(ServerException e) {
    String error = e.error().orElse("");
    if (!error.startsWith(SERVER_REFUSAL)) {
      return e;
    }
    return new MastraStructuredOutputException("the server refused the agent's answer as not matching the schema "
        + "of " + type.getSimpleName() + " (" + error.replace('\n', ' ') + ")", "", type, null, e);
  }

  private T parse(String text, Response response) {
    try {
      return StructuredJson.read(text, type, schema);
    } catch (StructuredJson.Mismatch e) {
      throw new MastraStructuredOutputException(e.getMessage(), text, type, response, e.getCause());
    }
  }

  private static String formatName(Class<?> type) {
    String simple = type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
    String name = simple.replaceAll("[^A-Za-z0-9_-]", "_");
    return name.length() > 64 ? name.substring(0, 64) : name;
  }

  @Override
  public String toString() {
    return "StructuredOutput{" + type.getName() + ": " + schemaJson() + "}";
  }
}
