package ai.mastra.client;

import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import java.util.concurrent.CompletableFuture;

/**
 * The non-blocking view of an {@link AgentSession}: the same operations returning futures, with the same
 * checks (bad arguments throw {@link IllegalArgumentException} at once) and the same conversation. A turn that
 * is the session's first waits for the conversation's creation without blocking a thread. Cancelling a future
 * cancels its HTTP call (not the creation of the conversation, which other turns may share). Thread-safe.
 * Get it from {@link AgentSession#async()}.
 */
public final class AgentSessionAsync {
  private final AgentSession session;

  AgentSessionAsync(AgentSession session) {
    this.session = session;
  }

  /**
   * Sends one user message; see {@link AgentSession#send(String)}.
   *
   * @param input the user's message, not null
   * @return a future of the response
   * @throws IllegalArgumentException if {@code input} is null
   * @throws IllegalStateException if the session was deleted
   */
  public CompletableFuture<Response> send(String input) {
    return session.sendAsync(AgentSession.userTurn(input), RequestOptions.none());
  }

  /**
   * Sends a full request as the next turn; see {@link AgentSession#send(ResponseCreateRequest)}.
   *
   * @param request the turn
   * @return a future of the response
   * @throws IllegalArgumentException if the request is invalid or conflicts with the session
   */
  public CompletableFuture<Response> send(ResponseCreateRequest request) {
    return session.sendAsync(request, RequestOptions.none());
  }

  /**
   * Sends a full request as the next turn with per-call options; see {@link
   * AgentSession#send(ResponseCreateRequest, RequestOptions)}.
   *
   * @param request the turn
   * @param options per-call options, not null
   * @return a future of the response
   * @throws IllegalArgumentException if an argument is invalid or conflicts with the session
   */
  public CompletableFuture<Response> send(ResponseCreateRequest request, RequestOptions options) {
    return session.sendAsync(request, options);
  }

  /**
   * Sends one user message and reads the answer into {@code type}; see {@link AgentSession#send(String,
   * Class)}. The future fails with {@link MastraStructuredOutputException} when the answer does not fit.
   *
   * @param input the user's message, not null
   * @param type the class of the answer
   * @param <T> the class of the answer
   * @return a future of the answer
   * @throws IllegalArgumentException if an argument is invalid or {@code type} has no JSON schema
   */
  public <T> CompletableFuture<T> send(String input, Class<T> type) {
    return session.sendAsync(AgentSession.userTurn(input), type, RequestOptions.none());
  }

  /**
   * Sends a full request (without {@code text}) and reads the answer into {@code type}.
   *
   * @param request the turn, without {@code text}
   * @param type the class of the answer
   * @param <T> the class of the answer
   * @return a future of the answer
   * @throws IllegalArgumentException if an argument is invalid
   */
  public <T> CompletableFuture<T> send(ResponseCreateRequest request, Class<T> type) {
    return session.sendAsync(request, type, RequestOptions.none());
  }

  /**
   * Sends a full request (without {@code text}) with per-call options and reads the answer into {@code type}.
   *
   * @param request the turn, without {@code text}
   * @param type the class of the answer
   * @param options per-call options, not null
   * @param <T> the class of the answer
   * @return a future of the answer
   * @throws IllegalArgumentException if an argument is invalid
   */
  public <T> CompletableFuture<T> send(ResponseCreateRequest request, Class<T> type, RequestOptions options) {
    return session.sendAsync(request, type, options);
  }

  /**
   * Sends one user message and hands the answer's events to {@code listener}; the same as {@link
   * AgentSession#stream(String, ResponseStreamListener)}.
   *
   * @param input the user's message, not null
   * @param listener receives the events, not null
   * @return the future of the final response; cancelling it stops the stream
   * @throws IllegalArgumentException if an argument is invalid
   */
  public CompletableFuture<Response> stream(String input, ResponseStreamListener listener) {
    return session.stream(input, listener);
  }

  /**
   * Sends a full request and hands the answer's events to {@code listener}; the same as {@link
   * AgentSession#stream(ResponseCreateRequest, RequestOptions, ResponseStreamListener)}.
   *
   * @param request the turn
   * @param options per-call options, not null
   * @param listener receives the events, not null
   * @return the future of the final response; cancelling it stops the stream
   * @throws IllegalArgumentException if an argument is invalid
   */
  public CompletableFuture<Response> stream(
      ResponseCreateRequest request, RequestOptions options, ResponseStreamListener listener) {
    return session.stream(request, options, listener);
  }

  /**
   * Fetches the first page of the conversation's items (an empty page, without a request, before the first
   * turn); {@link ConversationItemsPage#forEachAsync} walks every page without blocking.
   *
   * @return a future of the first page
   * @throws IllegalStateException if the session was deleted
   */
  public CompletableFuture<ConversationItemsPage> items() {
    return session.itemsAsync(RequestOptions.none());
  }

  /**
   * Fetches the first page of the conversation's items with per-call options (later pages reuse them).
   *
   * @param options per-call options, not null
   * @return a future of the first page
   * @throws IllegalArgumentException if {@code options} is null
   */
  public CompletableFuture<ConversationItemsPage> items(RequestOptions options) {
    return session.itemsAsync(options);
  }

  /**
   * Deletes the session's conversation and ends the session; see {@link AgentSession#delete()}.
   *
   * @return a future of true when a conversation was deleted, false when there was none
   * @throws IllegalStateException if the session was deleted already
   */
  public CompletableFuture<Boolean> delete() {
    return session.deleteAsync(RequestOptions.none());
  }

  /**
   * Deletes the session's conversation with per-call options and ends the session.
   *
   * @param options per-call options, not null
   * @return a future of true when a conversation was deleted, false when there was none
   * @throws IllegalArgumentException if {@code options} is null
   */
  public CompletableFuture<Boolean> delete(RequestOptions options) {
    return session.deleteAsync(options);
  }
}
