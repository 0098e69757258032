package ai.mastra.client.it;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;

/**
 * Checks every exchange the SDK makes against openapi/mastra.yaml with a real OpenAPI validator
 * (swagger-request-validator): the request the SDK sends and the answer the server gives. Mismatches are
 * collected with the method, path and the validator's message (which names the field); the tests fail on any.
 *
 * <p>An event-stream answer is checked in two steps: its status and content type against the operation when it
 * arrives, then each event, as the SDK reads it, against the schema that {@code ResponseStreamEvent}'s
 * discriminator maps its {@code type} to. The validator itself does not look into {@code text/event-stream}
 * bodies, and validating the {@code oneOf} as a whole is ambiguous (several event schemas share one shape).
 */
final class SpecValidatingInterceptor implements Interceptor {
  private static final String STREAM_EVENT_SCHEMA = "ResponseStreamEvent";

  private final OpenApiInteractionValidator validator;
  private final SchemaValidator schemas;
  private final Map<String, String> eventSchemaByType;
  private final List<String> mismatches = new ArrayList<>();
  private int exchanges;
  private int streamEvents;

  /** The interceptor for the project's own spec ({@code -Dmastra.spec}, else {@code openapi/mastra.yaml}). */
  static SpecValidatingInterceptor ofProjectSpec() {
    return new SpecValidatingInterceptor(System.getProperty("mastra.spec", "openapi/mastra.yaml"));
  }

  /** Fails if any exchange since the last call did not match the spec, listing each mismatch. */
  void assertExchangesMatchSpec() {
    org.assertj.core.api.Assertions.assertThat(drainMismatches())
        .as("exchanges that do not match openapi/mastra.yaml").isEmpty();
  }

  SpecValidatingInterceptor(String specPath) {
    this.validator = OpenApiInteractionValidator.createForSpecificationUrl(specPath).build();
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    OpenAPI api = new OpenAPIV3Parser().read(specPath, null, options);
    this.eventSchemaByType =
        api.getComponents().getSchemas().get(STREAM_EVENT_SCHEMA).getDiscriminator().getMapping();
    // The event validator (fge json-schema under swagger-request-validator's SchemaValidator) overflows its
    // stack on a discriminated oneOf nested in another (ContentPart in OutputItem). The discriminators add
    // nothing to the check: each variant's `type` is a single-value enum, so oneOf already picks exactly one.
    api.getComponents().getSchemas().values().forEach(schema -> schema.setDiscriminator(null));
    this.schemas = new SchemaValidator(api, new MessageResolver());
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    okhttp3.Request request = chain.request();
    Response response = chain.proceed(request);

    HttpUrl url = request.url();
    String exchange = request.method() + " " + url.encodedPath() + " -> " + response.code();
    SimpleRequest.Builder sent = new SimpleRequest.Builder(request.method(), url.encodedPath());
    for (String name : url.queryParameterNames()) {
      sent.withQueryParam(name, url.queryParameterValues(name));
    }
    request.headers().forEach(header -> sent.withHeader(header.getFirst(), header.getSecond()));
    if (request.body() != null) {
      Buffer body = new Buffer();
      request.body().writeTo(body);
      sent.withBody(body.readUtf8());
      MediaType type = request.body().contentType();
      if (type != null) {
        sent.withContentType(type.toString());
      }
    }

    String contentType = response.header("Content-Type", "");
    SimpleResponse.Builder got = new SimpleResponse.Builder(response.code());
    if (!contentType.isEmpty()) {
      got.withContentType(contentType);
    }
    boolean eventStream = contentType.startsWith("text/event-stream");
    // A stream's body is read later, by the SDK: here a placeholder lets the validator check the status and
    // the content type (it does not parse non-JSON bodies); the events are checked as they pass.
    got.withBody(eventStream ? "(event stream)" : response.peekBody(Long.MAX_VALUE).string());
    record(exchange, validator.validate(sent.build(), got.build()));
    synchronized (this) {
      exchanges++;
    }
    if (!eventStream || response.body() == null) {
      return response;
    }
    ResponseBody body = response.body();
    Source checked = new EventCheckingSource(body.source(), exchange);
    return response.newBuilder()
        .body(ResponseBody.create(Okio.buffer(checked), body.contentType(), body.contentLength()))
        .build();
  }

  /** Validates one event's data, in the stream that {@code exchange} names. */
  void validateEvent(String exchange, String eventName, String data) {
    String where = exchange + " event " + eventName;
    JsonElement json;
    try {
      json = JsonParser.parseString(data);
    } catch (JsonParseException e) {
      mismatch(where, "[sdk.event.json] the data is not JSON: " + data);
      return;
    }
    JsonElement type = json.isJsonObject() ? json.getAsJsonObject().get("type") : null;
    if (type == null || !type.isJsonPrimitive()) {
      mismatch(where, "[sdk.event.type] the data is no JSON object with a `type`: " + data);
      return;
    }
    if (!type.getAsString().equals(eventName)) {
      mismatch(where, "[sdk.event.name] the SSE event name differs from the data's type " + type.getAsString());
    }
    String schema = eventSchemaByType.get(type.getAsString());
    if (schema == null) {
      mismatch(where, "[sdk.event.unknownType] " + STREAM_EVENT_SCHEMA + " maps no schema to type "
          + type.getAsString());
      return;
    }
    record(where + " (" + schema + ")", schemas.validate(data, new Schema<>().$ref(schema), "event"));
    synchronized (this) {
      streamEvents++;
    }
  }

  private void record(String where, ValidationReport report) {
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() == ValidationReport.Level.ERROR) {
        mismatch(where, "[" + message.getKey() + "] " + message.getMessage()
            + message.getAdditionalInfo().stream().map(info -> "\n    " + info).reduce("", String::concat)
            + nested(message, "\n    "));
      }
    }
  }

  /**
   * The messages nested in an allOf/oneOf failure, whose own paths name the field (the spec wraps a described
   * $ref property in allOf, so a wrong nested field is reported as one of them).
   */
  private static String nested(ValidationReport.Message message, String indent) {
    StringBuilder text = new StringBuilder();
    for (ValidationReport.Message inner : message.getNestedMessages()) {
      text.append(indent).append(inner.getMessage()).append(nested(inner, indent + "  "));
    }
    return text.toString();
  }

  private synchronized void mismatch(String where, String message) {
    mismatches.add(where + ": " + message);
  }

  /** Returns and forgets the mismatches found so far. */
  synchronized List<String> drainMismatches() {
    List<String> found = new ArrayList<>(mismatches);
    mismatches.clear();
    return found;
  }

  /** The number of HTTP exchanges checked so far. */
  synchronized int exchanges() {
    return exchanges;
  }

  /** The number of stream events checked so far. */
  synchronized int streamEvents() {
    return streamEvents;
  }

  /**
   * Passes the stream through unchanged and validates each complete event (a block of lines ended by a blank
   * line, WHATWG framing) once the SDK has read it. Events after an early close are not seen, so not checked.
   */
  private final class EventCheckingSource extends ForwardingSource {
    private final String exchange;
    private final Buffer pending = new Buffer();
    private String eventName = "message";
    private StringBuilder data;
    private boolean afterCr;

    EventCheckingSource(Source delegate, String exchange) {
      super(delegate);
      this.exchange = exchange;
    }

    @Override
    public long read(Buffer sink, long byteCount) throws IOException {
      long read = super.read(sink, byteCount);
      if (read > 0) {
        sink.copyTo(pending, sink.size() - read, read);
        consumeLines();
      }
      return read;
    }

    private void consumeLines() throws IOException {
      // Bytes are kept until a line ends, so a UTF-8 character split across reads decodes whole.
      while (true) {
        long cr = pending.indexOf((byte) '\r');
        long lf = pending.indexOf((byte) '\n');
        long end = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
        if (end < 0) {
          return;
        }
        String text = pending.readString(end, StandardCharsets.UTF_8);
        byte terminator = pending.readByte();
        if (afterCr && terminator == '\n' && text.isEmpty()) {
          afterCr = false; // the LF of a CRLF
          continue;
        }
        afterCr = terminator == '\r';
        onLine(text);
      }
    }

    private void onLine(String text) {
      if (text.isEmpty()) {
        if (data != null) {
          validateEvent(exchange, eventName, data.toString());
        }
        eventName = "message";
        data = null;
        return;
      }
      if (text.startsWith(":")) {
        return;
      }
      int colon = text.indexOf(':');
      String field = colon < 0 ? text : text.substring(0, colon);
      String value = colon < 0 ? "" : text.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      if (field.equals("event")) {
        eventName = value;
      } else if (field.equals("data")) {
        data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
      }
    }
  }
}
