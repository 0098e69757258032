package ai.mastra.client.it;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okio.Buffer;

/**
 * Checks every exchange the SDK makes against openapi/mastra.yaml with a real OpenAPI validator
 * (swagger-request-validator): the request the SDK sends and the answer the server gives. Mismatches are
 * collected with the method, path and the validator's message (which names the field); the tests fail on any.
 * Event-stream answers are checked for status and content type (their body is a stream, read by the SDK).
 */
final class SpecValidatingInterceptor implements Interceptor {
  private final OpenApiInteractionValidator validator;
  private final List<String> mismatches = new ArrayList<>();
  private int exchanges;

  SpecValidatingInterceptor(String specPath) {
    this.validator = OpenApiInteractionValidator.createForSpecificationUrl(specPath).build();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    okhttp3.Request request = chain.request();
    Response response = chain.proceed(request);

    HttpUrl url = request.url();
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
    ValidationReport report;
    if (contentType.startsWith("text/event-stream")) {
      // The body is a live stream (read by the SDK, event by event): check the request, status and type.
      report = validator.validateRequest(sent.build());
      if (response.code() != 200 || !"POST".equals(request.method())) {
        report = report.merge(ValidationReport.singleton(ValidationReport.Message.create(
            "sdk.response.eventStream", "an event stream is declared only for 200 answers of POST").build()));
      }
    } else {
      SimpleResponse.Builder got = new SimpleResponse.Builder(response.code());
      if (!contentType.isEmpty()) {
        got.withContentType(contentType);
      }
      got.withBody(response.peekBody(Long.MAX_VALUE).string());
      report = validator.validate(sent.build(), got.build());
    }
    synchronized (this) {
      exchanges++;
      for (ValidationReport.Message message : report.getMessages()) {
        if (message.getLevel() == ValidationReport.Level.ERROR) {
          mismatches.add(request.method() + " " + url.encodedPath() + " -> " + response.code() + ": ["
              + message.getKey() + "] " + message.getMessage()
              + message.getAdditionalInfo().stream().map(info -> "\n    " + info).reduce("", String::concat));
        }
      }
    }
    return response;
  }

  /** Returns and forgets the mismatches found so far. */
  synchronized List<String> drainMismatches() {
    List<String> found = new ArrayList<>(mismatches);
    mismatches.clear();
    return found;
  }

  synchronized int exchanges() {
    return exchanges;
  }

}
