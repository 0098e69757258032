package ai.mastra.client;

import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import ai.mastra.client.model.ResponseDeleted;
import java.util.concurrent.CompletableFuture;

/**
 * The non-blocking Responses API: {@link Responses}'s operations returning futures (see {@link
 * MastraClientAsync} for how they complete). Thread-safe.
 */
public final class ResponsesAsync {
  private final Responses blocking;

  ResponsesAsync(Responses blocking) {
    this.blocking = blocking;
  }

  /**
   * Runs one agent turn; see {@link Responses#create(ResponseCreateRequest)}. Never retried.
   *
   * @param request the turn
   * @return a future of the response
   * @throws IllegalArgumentException if the request is invalid
   */
  public CompletableFuture<Response> create(ResponseCreateRequest request) {
    return create(request, RequestOptions.none());
  }

  /**
   * Runs one agent turn with per-call options; see {@link Responses#create(ResponseCreateRequest,
   * RequestOptions)}.
   *
   * @param request the turn
   * @param options per-call options, not null
   * @return a future of the response
   * @throws IllegalArgumentException if an argument is invalid
   */
  public CompletableFuture<Response> create(ResponseCreateRequest request, RequestOptions options) {
    return blocking.createCall(request, options).runAsync();
  }

  /**
   * Runs one agent turn that answers in JSON and reads the answer into {@code type}; see {@link
   * Responses#create(ResponseCreateRequest, Class)}. The future fails with {@link
   * MastraStructuredOutputException} when the answer does not fit.
   *
   * @param request the turn, without {@code text}; not changed
   * @param type the class of the answer
   * @param <T> the class of the answer
   * @return a future of the answer
   * @throws IllegalArgumentException if an argument is invalid (at once)
   */
  public <T> CompletableFuture<T> create(ResponseCreateRequest request, Class<T> type) {
    return create(request, type, RequestOptions.none());
  }

  /**
   * Runs one agent turn that answers in JSON, with per-call options, and reads the answer into {@code type};
   * see {@link Responses#create(ResponseCreateRequest, Class, RequestOptions)}.
   *
   * @param request the turn, without {@code text}; not changed
   * @param type the class of the answer
   * @param options per-call options, not null
   * @param <T> the class of the answer
   * @return a future of the answer
   * @throws IllegalArgumentException if an argument is invalid (at once)
   */
  public <T> CompletableFuture<T> create(ResponseCreateRequest request, Class<T> type, RequestOptions options) {
    StructuredOutput<T> output = Responses.structured(type);
    return output.readAsync(blocking.createCall(Responses.withFormat(request, output), options).runAsync());
  }

  /**
   * Runs one agent turn and hands its events to {@code listener} as they arrive, without blocking; the same as
   * {@link Responses#stream(ResponseCreateRequest, ResponseStreamListener)}.
   *
   * @param request the turn; it is sent with {@code stream: true} and is not changed
   * @param listener receives the events, not null
   * @return the future of the final response; cancelling it cancels the stream
   * @throws IllegalArgumentException if an argument is invalid
   */
  public CompletableFuture<Response> stream(ResponseCreateRequest request, ResponseStreamListener listener) {
    return blocking.stream(request, RequestOptions.none(), listener);
  }

  /**
   * Runs one agent turn and hands its events to {@code listener} as they arrive, without blocking; the same as
   * {@link Responses#stream(ResponseCreateRequest, RequestOptions, ResponseStreamListener)}.
   *
   * @param request the turn; it is sent with {@code stream: true} and is not changed
   * @param options per-call options, not null
   * @param listener receives the events, not null
   * @return the future of the final response; cancelling it cancels the stream
   * @throws IllegalArgumentException if an argument is invalid
   */
  public CompletableFuture<Response> stream(
      ResponseCreateRequest request, RequestOptions options, ResponseStreamListener listener) {
    return blocking.stream(request, options, listener);
  }

  /**
   * Retrieves a stored response.
   *
   * @param responseId the response id
   * @return a future of the response
   * @throws IllegalArgumentException if the id is invalid
   */
  public CompletableFuture<Response> retrieve(String responseId) {
    return retrieve(responseId, RequestOptions.none());
  }

  /**
   * Retrieves a stored response with per-call options.
   *
   * @param responseId the response id
   * @param options per-call options, not null
   * @return a future of the response
   * @throws IllegalArgumentException if an argument is invalid
   */
  public CompletableFuture<Response> retrieve(String responseId, RequestOptions options) {
    return blocking.retrieveCall(responseId, options).runAsync();
  }

  /**
   * Deletes a stored response.
   *
   * @param responseId the response id
   * @return a future of the deletion confirmation
   * @throws IllegalArgumentException if the id is invalid
   */
  public CompletableFuture<ResponseDeleted> delete(String responseId) {
    return delete(responseId, RequestOptions.none());
  }

  /**
   * Deletes a stored response with per-call options.
   *
   * @param responseId the response id
   * @param options per-call options, not null
   * @return a future of the deletion confirmation
   * @throws IllegalArgumentException if an argument is invalid
   */
  public CompletableFuture<ResponseDeleted> delete(String responseId, RequestOptions options) {
    return blocking.deleteCall(responseId, options).runAsync();
  }
}
