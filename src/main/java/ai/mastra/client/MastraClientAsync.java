package ai.mastra.client;

/**
 * The non-blocking view of a {@link MastraClient}: the same operations, each returning a {@code
 * CompletableFuture}. Get it from {@link MastraClient#async()}; it shares the client's configuration,
 * connections and lifecycle. Thread-safe.
 *
 * <p>Calls run on OkHttp's dispatcher ({@code enqueue}): no thread waits on I/O or on a retry delay. A future
 * completes on an OkHttp thread, with the model or exceptionally with the same exceptions as the blocking API
 * ({@link MastraServiceException} subclasses, {@link MastraIOException}, {@link
 * MastraInvalidResponseException}); {@code future.get()} wraps them in an {@code ExecutionException}. {@code
 * future.cancel(true)} cancels the HTTP call. Bad arguments throw {@link IllegalArgumentException} at once,
 * before any future is returned.
 */
public final class MastraClientAsync {
  private final ConversationsAsync conversations;
  private final ResponsesAsync responses;

  MastraClientAsync(Conversations conversations, Responses responses) {
    this.conversations = new ConversationsAsync(conversations);
    this.responses = new ResponsesAsync(responses);
  }

  /** Returns the non-blocking Conversations API. */
  public ConversationsAsync conversations() {
    return conversations;
  }

  /** Returns the non-blocking Responses API. */
  public ResponsesAsync responses() {
    return responses;
  }
}
