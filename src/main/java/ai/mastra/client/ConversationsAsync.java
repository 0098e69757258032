package ai.mastra.client;

import ai.mastra.client.model.Conversation;
import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.ConversationDeleted;
import java.util.concurrent.CompletableFuture;

/**
 * The non-blocking Conversations API: {@link Conversations}'s operations returning futures (see {@link
 * MastraClientAsync} for how they complete). Thread-safe.
 */
public final class ConversationsAsync {
  private final Conversations blocking;
  private final ConversationItemsAsync items;

  ConversationsAsync(Conversations blocking) {
    this.blocking = blocking;
    this.items = new ConversationItemsAsync(blocking.items());
  }

  /** Returns the non-blocking items service of conversations. */
  public ConversationItemsAsync items() {
    return items;
  }

  /**
   * Creates a conversation; see {@link Conversations#create(ConversationCreateRequest)}.
   *
   * @param request the conversation to create; {@code agent_id} is required
   * @return a future of the created conversation
   * @throws IllegalArgumentException if the request is invalid
   */
  public CompletableFuture<Conversation> create(ConversationCreateRequest request) {
    return create(request, RequestOptions.none());
  }

  /**
   * Creates a conversation with per-call options; see {@link Conversations#create(ConversationCreateRequest,
   * RequestOptions)}.
   *
   * @param request the conversation to create
   * @param options per-call options, not null
   * @return a future of the created conversation
   * @throws IllegalArgumentException if an argument is invalid
   */
  public CompletableFuture<Conversation> create(ConversationCreateRequest request, RequestOptions options) {
    return blocking.createCall(request, options).runAsync();
  }

  /**
   * Retrieves a conversation.
   *
   * @param conversationId the conversation (raw thread) id
   * @return a future of the conversation
   * @throws IllegalArgumentException if the id is invalid
   */
  public CompletableFuture<Conversation> retrieve(String conversationId) {
    return retrieve(conversationId, RequestOptions.none());
  }

  /**
   * Retrieves a conversation with per-call options.
   *
   * @param conversationId the conversation (raw thread) id
   * @param options per-call options, not null
   * @return a future of the conversation
   * @throws IllegalArgumentException if an argument is invalid
   */
  public CompletableFuture<Conversation> retrieve(String conversationId, RequestOptions options) {
    return blocking.retrieveCall(conversationId, options).runAsync();
  }

  /**
   * Deletes a conversation.
   *
   * @param conversationId the conversation (raw thread) id
   * @return a future of the deletion confirmation
   * @throws IllegalArgumentException if the id is invalid
   */
  public CompletableFuture<ConversationDeleted> delete(String conversationId) {
    return delete(conversationId, RequestOptions.none());
  }

  /**
   * Deletes a conversation with per-call options.
   *
   * @param conversationId the conversation (raw thread) id
   * @param options per-call options, not null
   * @return a future of the deletion confirmation
   * @throws IllegalArgumentException if an argument is invalid
   */
  public CompletableFuture<ConversationDeleted> delete(String conversationId, RequestOptions options) {
    return blocking.deleteCall(conversationId, options).runAsync();
  }
}
