package ai.mastra.client;

import ai.mastra.client.model.OutputItem;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The non-blocking items service: pages as futures, and {@link #forEach} over every item of every page.
 * Thread-safe.
 *
 * <pre>{@code
 * client.async().conversations().items()
 *     .forEach(conversationId, item -> System.out.println(item.getType()))
 *     .thenRun(() -> System.out.println("done"));
 * }</pre>
 */
public final class ConversationItemsAsync {
  private final ConversationItems blocking;

  ConversationItemsAsync(ConversationItems blocking) {
    this.blocking = blocking;
  }

  /**
   * Lists the first page of a conversation's items; see {@link ConversationItems#list(String)}. The page's
   * {@link ConversationItemsPage#nextPageAsync()} and {@link ConversationItemsPage#forEachAsync} continue
   * without blocking.
   *
   * @param conversationId the conversation (raw thread) id
   * @return a future of the first page
   * @throws IllegalArgumentException if the id is invalid
   */
  public CompletableFuture<ConversationItemsPage> list(String conversationId) {
    return list(conversationId, ItemListParams.none(), RequestOptions.none());
  }

  /**
   * Lists a page of a conversation's items; see {@link ConversationItems#list(String, ItemListParams)}.
   *
   * @param conversationId the conversation (raw thread) id
   * @param params the cursor, page size and order, not null
   * @return a future of the page
   * @throws IllegalArgumentException if an argument is invalid
   */
  public CompletableFuture<ConversationItemsPage> list(String conversationId, ItemListParams params) {
    return list(conversationId, params, RequestOptions.none());
  }

  /**
   * Lists the first page of a conversation's items with per-call options; later pages reuse them.
   *
   * @param conversationId the conversation (raw thread) id
   * @param options per-call options, not null
   * @return a future of the first page
   * @throws IllegalArgumentException if an argument is invalid
   */
  public CompletableFuture<ConversationItemsPage> list(String conversationId, RequestOptions options) {
    return list(conversationId, ItemListParams.none(), options);
  }

  /**
   * Lists a page of a conversation's items with params and per-call options.
   *
   * @param conversationId the conversation (raw thread) id
   * @param params the cursor, page size and order, not null
   * @param options per-call options, not null; later pages reuse them
   * @return a future of the page
   * @throws IllegalArgumentException if an argument is invalid
   */
  public CompletableFuture<ConversationItemsPage> list(
      String conversationId, ItemListParams params, RequestOptions options) {
    return blocking.listAsync(conversationId, params, options);
  }

  /**
   * Hands every item of a conversation to {@code action}, page after page, without blocking.
   *
   * @param conversationId the conversation (raw thread) id
   * @param action what to do with each item, in order
   * @return a future that completes when every item was handled; cancelling it stops the paging
   * @throws IllegalArgumentException if an argument is invalid
   */
  public CompletableFuture<Void> forEach(String conversationId, Consumer<? super OutputItem> action) {
    return forEach(conversationId, ItemListParams.none(), RequestOptions.none(), action);
  }

  /**
   * Hands every item of a conversation to {@code action}, page after page, without blocking; see {@link
   * ConversationItemsPage#forEachAsync}.
   *
   * @param conversationId the conversation (raw thread) id
   * @param params the params of the first page (later pages add {@code after}), not null
   * @param options per-call options, not null
   * @param action what to do with each item, in order
   * @return a future that completes when every item was handled; cancelling it stops the paging
   * @throws IllegalArgumentException if an argument is invalid
   */
  public CompletableFuture<Void> forEach(
      String conversationId,
      ItemListParams params,
      RequestOptions options,
      Consumer<? super OutputItem> action) {
    Checks.notNull(action, "action");
    CompletableFuture<ConversationItemsPage> first = list(conversationId, params, options);
    CompletableFuture<Void> done = first.thenCompose(page -> page.forEachAsync(action));
    done.whenComplete(
        (ignored, failure) -> {
          if (done.isCancelled()) {
            first.cancel(true);
          }
        });
    return done;
  }
}
