package ai.mastra.client;

import ai.mastra.client.internal.StreamTransport;
import ai.mastra.client.internal.Transport;
import ai.mastra.client.model.InputContentPart;
import ai.mastra.client.model.InputMessage;
import ai.mastra.client.model.InputMessageContent;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.model.ResponseDeleted;
import ai.mastra.client.model.ResponseInput;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The Responses API: run an agent turn, and retrieve or delete stored responses. Get it from {@link
 * MastraClient#responses()}; thread-safe.
 *
 * <pre>{@code
 * Response response = client.responses().create(new ResponseCreateRequest()
 *     .agentId("support-agent")
 *     .input("Hello")
 *     .store(true));
 * System.out.println(Responses.outputText(response));
 * }</pre>
 *
 * <p>Every method runs one blocking HTTP call and throws a {@link MastraException} on failure. Bad arguments
 * throw {@link IllegalArgumentException} before any I/O.
 */
public final class Responses {
  private final Transport transport;

  Responses(Transport transport) {
    this.transport = transport;
  }

  /**
   * Runs one agent turn and returns the finished response.
   *
   * <p>{@code input} is a {@code String} (one user message) or a {@code List<InputMessage>}, whose contents
   * are each a {@code String} or a {@code List<InputContentPart>}. POST is never retried (that could run the
   * agent twice).
   *
   * @param request the turn; {@code input} is required, and {@code agent_id} unless {@code
   *     previous_response_id} is given
   * @return the response
   * @throws IllegalArgumentException if the request is invalid (see above), or asks for {@code stream}
   * @throws BadRequestException if the server refuses the request
   * @throws NotFoundException for an unknown agent, previous response or conversation
   * @throws ServerException if the agent or its model failed
   */
  public Response create(ResponseCreateRequest request) {
    return create(request, RequestOptions.none());
  }

  /**
   * Runs one agent turn with per-call options. A request context (in {@code options} or in {@code
   * request.requestContext}, not both) is sent as the {@code requestContext} member of the JSON body, where
   * Mastra reads it on POST, and never in the URL; {@code request} itself is not changed.
   *
   * @param request the turn (see {@link #create(ResponseCreateRequest)})
   * @param options per-call options, not null
   * @return the response
   * @throws IllegalArgumentException if an argument is invalid, or a request context is given both in the
   *     request and in {@code options}
   */
  public Response create(ResponseCreateRequest request, RequestOptions options) {
    return createCall(request, options).run();
  }

  /**
   * Runs one agent turn that answers in JSON and reads the answer into {@code type}: the request is sent with
   * {@code text.format} set to the JSON Schema of {@code type} (see {@link StructuredOutput} for what it
   * covers), and the response's text is checked against that schema and parsed with Gson.
   *
   * <pre>{@code
   * Ticket ticket = client.responses().create(new ResponseCreateRequest()
   *     .agentId("support-agent").input("Summarize the ticket"), Ticket.class);
   * }</pre>
   *
   * @param request the turn, as for {@link #create(ResponseCreateRequest)}, without {@code text} (the SDK sets
   *     it); the request itself is not changed
   * @param type the class of the answer: a class or record with fields
   * @param <T> the class of the answer
   * @return the answer
   * @throws IllegalArgumentException if the request is invalid, already has a {@code text} format, or {@code
   *     type} has no JSON schema (the message names the field); all before any I/O
   * @throws MastraStructuredOutputException if the answer is not JSON that fits {@code type} (it holds the raw
   *     text and the response), or the server refused the agent's answer for not fitting (Mastra checks it
   *     itself and answers HTTP 500 without the answer: the text is then empty, the cause the {@link
   *     ServerException})
   * @throws ResponseIncompleteException if the answer fits but the response is not {@code completed}
   */
  public <T> T create(ResponseCreateRequest request, Class<T> type) {
    return create(request, type, RequestOptions.none());
  }

  /**
   * Runs one agent turn that answers in JSON, with per-call options, and reads the answer into {@code type};
   * see {@link #create(ResponseCreateRequest, Class)}.
   *
   * @param request the turn, without {@code text}; not changed
   * @param type the class of the answer
   * @param options per-call options, not null
   * @param <T> the class of the answer
   * @return the answer
   * @throws IllegalArgumentException if an argument is invalid (before any I/O)
   * @throws MastraStructuredOutputException if the answer is not JSON that fits {@code type}
   */
  public <T> T create(ResponseCreateRequest request, Class<T> type, RequestOptions options) {
    StructuredOutput<T> output = structured(type);
    Invocation<Response> call = createCall(withFormat(request, output), options);
    return output.read(call::run);
  }

  static <T> StructuredOutput<T> structured(Class<T> type) {
    Checks.notNull(type, "type");
    return StructuredOutput.of(type);
  }

  /** A copy of {@code request} asking for {@code output}'s schema; refuses a request with its own format. */
  static ResponseCreateRequest withFormat(ResponseCreateRequest request, StructuredOutput<?> output) {
    Checks.notNull(request, "request");
    if (request.getText() != null) {
      throw new IllegalArgumentException(
          "request.text must not be set when a class is given: the SDK sets text.format to the JSON Schema of "
              + output.type().getSimpleName() + "; to send a format of your own, leave the class out and read "
              + "the answer with StructuredOutput.of(" + output.type().getSimpleName() + ".class).parse(response)");
    }
    ResponseCreateRequest copy = Bodies.shallowCopy(request, ResponseCreateRequest.class);
    copy.setText(output.textConfig());
    return copy;
  }

  Invocation<Response> createCall(ResponseCreateRequest request, RequestOptions options) {
    checkCreate(request);
    Checks.notNull(options, "options");
    if (Boolean.TRUE.equals(request.getStream())) {
      throw new IllegalArgumentException(
          "request.stream must not be true for create(): use stream(request), which reads the events");
    }
    ResponseCreateRequest body =
        Bodies.withContext(
            request,
            ResponseCreateRequest.class,
            request.getRequestContext(),
            ResponseCreateRequest::setRequestContext,
            options,
            false);
    return new Invocation<>(
        transport, transport.responses().createResponse(body, Transport.perCall(options.headers())), options);
  }

  /**
   * Retrieves a stored response (one created with {@code store: true}).
   *
   * @param responseId the response id
   * @return the response
   * @throws NotFoundException if there is no such stored response
   * @throws IllegalArgumentException if the id is null, blank, {@code .} or {@code ..}
   */
  public Response retrieve(String responseId) {
    return retrieve(responseId, RequestOptions.none());
  }

  /**
   * Retrieves a stored response with per-call options. A request context in {@code options} is sent as the
   * {@code requestContext} query parameter, the only place Mastra reads it on GET.
   *
   * @param responseId the response id
   * @param options per-call options, not null
   * @return the response
   * @throws NotFoundException if there is no such stored response
   * @throws IllegalArgumentException if an argument is invalid, or the context's query parameter would be
   *     longer than {@link RequestContext#MAX_QUERY_PARAMETER_LENGTH} bytes
   */
  public Response retrieve(String responseId, RequestOptions options) {
    return retrieveCall(responseId, options).run();
  }

  Invocation<Response> retrieveCall(String responseId, RequestOptions options) {
    Checks.id(responseId, "responseId");
    Checks.notNull(options, "options");
    return new Invocation<>(
        transport,
        transport.responses().retrieveResponse(
            responseId, Bodies.getQueryParameter(options), Transport.perCall(options.headers())),
        options);
  }

  /**
   * Deletes a stored response; its assistant message also leaves the conversation's items.
   *
   * @param responseId the response id
   * @return the deletion confirmation
   * @throws NotFoundException if there is no such stored response
   * @throws IllegalArgumentException if the id is null, blank, {@code .} or {@code ..}
   */
  public ResponseDeleted delete(String responseId) {
    return delete(responseId, RequestOptions.none());
  }

  /**
   * Deletes a stored response with per-call options. A request context in {@code options} is not sent:
   * Mastra reads none on DELETE.
   *
   * @param responseId the response id
   * @param options per-call options, not null
   * @return the deletion confirmation
   * @throws NotFoundException if there is no such stored response
   * @throws IllegalArgumentException if an argument is invalid
   */
  public ResponseDeleted delete(String responseId, RequestOptions options) {
    return deleteCall(responseId, options).run();
  }

  Invocation<ResponseDeleted> deleteCall(String responseId, RequestOptions options) {
    Checks.id(responseId, "responseId");
    Checks.notNull(options, "options");
    return new Invocation<>(
        transport,
        // No context: Mastra reads none on DELETE (see Bodies).
        transport.responses().deleteResponse(responseId, Transport.perCall(options.headers())),
        options);
  }

  /**
   * Runs one agent turn and returns its events as the server writes them (server-sent events); see {@link
   * ResponseStream} for reading, failures and closing.
   *
   * <pre>{@code
   * try (ResponseStream stream = client.responses().stream(request)) {
   *   for (String delta : stream.textDeltas()) {
   *     System.out.print(delta);
   *   }
   *   Response response = stream.requireCompleted(); // throws if the model failed mid-stream
   * }
   * }</pre>
   *
   * @param request the turn, as for {@link #create(ResponseCreateRequest)}; it is sent with {@code stream:
   *     true} and is not changed
   * @return the open stream; the caller closes it
   * @throws IllegalArgumentException if the request is invalid
   * @throws NotFoundException for an unknown agent, previous response or conversation (before the stream
   *     starts, Mastra answers errors as JSON, like {@link #create(ResponseCreateRequest)})
   * @throws MastraIOException if no answer could be had
   * @throws MastraInvalidResponseException if the answer is not a {@code text/event-stream}
   */
  public ResponseStream stream(ResponseCreateRequest request) {
    return stream(request, RequestOptions.none());
  }

  /**
   * Runs one agent turn with per-call options and returns its events as the server writes them; see {@link
   * #stream(ResponseCreateRequest)}.
   *
   * <p>A stream has no limit on its whole length, and by default no read timeout: an agent may pause for
   * long. {@code options.timeout()}, when set, is an idle timeout instead: the longest wait for the response
   * headers and then for each next bytes of the stream; exceeding it fails the stream with {@link
   * MastraIOException}. The client's connect timeout still applies. A stream is never retried.
   *
   * @param request the turn; it is sent with {@code stream: true} and is not changed
   * @param options per-call options, not null
   * @return the open stream; the caller closes it
   * @throws IllegalArgumentException if an argument is invalid
   * @throws MastraServiceException (the subclass for the status) if the server refuses the request
   * @throws MastraIOException if no answer could be had
   * @throws MastraInvalidResponseException if the answer is not a {@code text/event-stream}
   */
  public ResponseStream stream(ResponseCreateRequest request, RequestOptions options) {
    return ResponseStream.open(streamCall(request, options), transport.limits().maxResponseSize());
  }

  /**
   * Runs one agent turn and hands its events to {@code listener} as they arrive, without blocking the
   * calling thread; the same as {@link #stream(ResponseCreateRequest, RequestOptions, ResponseStreamListener)}
   * with no options.
   *
   * @param request the turn; it is sent with {@code stream: true} and is not changed
   * @param listener receives the events, not null
   * @return the future of the final response, also the handle to cancel the stream
   * @throws IllegalArgumentException if an argument is invalid
   */
  public CompletableFuture<Response> stream(ResponseCreateRequest request, ResponseStreamListener listener) {
    return stream(request, RequestOptions.none(), listener);
  }

  /**
   * Runs one agent turn and hands its events to {@code listener} as they arrive, without blocking the
   * calling thread; see {@link ResponseStreamListener} for the order and threads of the calls. Options are
   * as for {@link #stream(ResponseCreateRequest, RequestOptions)}.
   *
   * <p>The returned future completes with the final response after {@code listener.onComplete}, or
   * exceptionally with the error given to {@code listener.onError}. Cancelling it cancels the HTTP call and
   * closes the stream; the listener then gets {@code onError} with a {@link MastraIOException}, unless it has
   * already had its last call.
   *
   * @param request the turn; it is sent with {@code stream: true} and is not changed
   * @param options per-call options, not null
   * @param listener receives the events, not null
   * @return the future of the final response, also the handle to cancel the stream
   * @throws IllegalArgumentException if an argument is invalid
   */
  public CompletableFuture<Response> stream(
      ResponseCreateRequest request, RequestOptions options, ResponseStreamListener listener) {
    okhttp3.Call call = streamCall(request, options);
    Checks.notNull(listener, "listener");
    return ResponseStream.subscribe(call, listener, transport.limits().maxResponseSize());
  }

  private okhttp3.Call streamCall(ResponseCreateRequest request, RequestOptions options) {
    checkCreate(request);
    Checks.notNull(options, "options");
    // A shallow copy with stream set: the caller's values (metadata, provider options...) reach the wire as
    // given, and the context is the same bytes as on create().
    ResponseCreateRequest body =
        Bodies.withContext(
            request,
            ResponseCreateRequest.class,
            request.getRequestContext(),
            ResponseCreateRequest::setRequestContext,
            options,
            true);
    body.setStream(true);
    return StreamTransport.newCall(transport, body, options.headers(), options.timeout().orElse(null));
  }

  /**
   * Returns the text of a response, as client-js's {@code output_text}: the text of every {@code
   * output_text} part of every assistant message of the output, concatenated in order. Empty when there is
   * none.
   *
   * @param response a response, not null
   * @return the answer's text
   */
  public static String outputText(Response response) {
    Checks.notNull(response, "response");
    return response.outputText();
  }

  static void checkCreate(ResponseCreateRequest request) {
    Checks.notNull(request, "request");
    boolean hasAgent = request.getAgentId() != null && !request.getAgentId().trim().isEmpty();
    if (!hasAgent && request.getPreviousResponseId() == null) {
      throw new IllegalArgumentException(
          "request.agentId is required unless request.previousResponseId is given");
    }
    ResponseInput input = request.getInput();
    if (input == null) {
      throw new IllegalArgumentException("request.input must not be null");
    }
    if (input.isText()) {
      return;
    }
    List<InputMessage> messages = input.asMessages();
    for (int i = 0; i < messages.size(); i++) {
      String name = "request.input[" + i + "]";
      InputMessage message = messages.get(i);
      if (message == null) {
        throw new IllegalArgumentException(name + " must be an InputMessage, got null");
      }
      checkMessage(message, name);
    }
  }

  private static void checkMessage(InputMessage message, String name) {
    if (message.getRole() == null || !message.getRole().isKnown()) {
      throw new IllegalArgumentException(name + ".role must be one of system, developer, user, assistant");
    }
    InputMessageContent content = message.getContent();
    if (content == null) {
      throw new IllegalArgumentException(name + ".content must be a String or a List<InputContentPart>, got null");
    }
    if (content.isText()) {
      return;
    }
    List<InputContentPart> parts = content.asParts();
    for (int j = 0; j < parts.size(); j++) {
      InputContentPart part = parts.get(j);
      if (part == null || part.getText() == null) {
        throw new IllegalArgumentException(
            name + ".content[" + j + "] must be an InputContentPart with text");
      }
    }
  }
}
