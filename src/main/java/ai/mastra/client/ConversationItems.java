package ai.mastra.client;

import ai.mastra.client.internal.Transport;
import ai.mastra.client.model.ConversationItemList;
import java.util.concurrent.CompletableFuture;

/**
 * The items of a conversation: its messages, tool calls and tool results. Get it from {@link
 * Conversations#items()}; thread-safe.
 *
 * <pre>{@code
 * ConversationItemsPage page = client.conversations().items().list(conversationId);
 * for (ConversationItem item : page.autoPager()) { ... }   // every item, page after page
 * }</pre>
 */
public final class ConversationItems {
  private final Transport transport;

  ConversationItems(Transport transport) {
    this.transport = transport;
  }

  /**
   * Lists the first page of a conversation's items, oldest first. Mastra answers the whole thread (up to
   * 1000 items) in one page.
   *
   * @param conversationId the conversation (raw thread) id
   * @return the first page
   * @throws NotFoundException if there is no such conversation
   * @throws IllegalArgumentException if the id is null, blank, {@code .} or {@code ..}
   */
  public ConversationItemsPage list(String conversationId) {
    return list(conversationId, ItemListParams.none(), RequestOptions.none());
  }

  /**
   * Lists a page of a conversation's items.
   *
   * @param conversationId the conversation (raw thread) id
   * @param params the cursor, page size and order, not null
   * @return the page
   * @throws NotFoundException if there is no such conversation
   * @throws IllegalArgumentException if an argument is invalid
   */
  public ConversationItemsPage list(String conversationId, ItemListParams params) {
    return list(conversationId, params, RequestOptions.none());
  }

  /**
   * Lists the first page of a conversation's items with per-call options (a request context, headers, a
   * timeout); later pages reuse them.
   *
   * @param conversationId the conversation (raw thread) id
   * @param options per-call options, not null
   * @return the first page
   * @throws NotFoundException if there is no such conversation
   * @throws IllegalArgumentException if an argument is invalid
   */
  public ConversationItemsPage list(String conversationId, RequestOptions options) {
    return list(conversationId, ItemListParams.none(), options);
  }

  /**
   * Lists a page of a conversation's items with per-call options; later pages reuse the same options. A
   * request context in {@code options} is sent as the {@code requestContext} query parameter, the only place
   * Mastra reads it on GET.
   *
   * @param conversationId the conversation (raw thread) id
   * @param params the cursor, page size and order, not null
   * @param options per-call options, not null
   * @return the page
   * @throws NotFoundException if there is no such conversation
   * @throws IllegalArgumentException if an argument is invalid, or the context's query parameter would be
   *     longer than {@link RequestContext#MAX_QUERY_PARAMETER_LENGTH} bytes
   */
  public ConversationItemsPage list(String conversationId, ItemListParams params, RequestOptions options) {
    Invocation<ConversationItemList> call = listCall(conversationId, params, options);
    return page(conversationId, params, options, call.run());
  }

  /** The async twin of {@link #list(String, ItemListParams, RequestOptions)}, sharing its checks. */
  CompletableFuture<ConversationItemsPage> listAsync(
      String conversationId, ItemListParams params, RequestOptions options) {
    Invocation<ConversationItemList> call = listCall(conversationId, params, options);
    return call.runAsync(list -> page(conversationId, params, options, list));
  }

  private Invocation<ConversationItemList> listCall(
      String conversationId, ItemListParams params, RequestOptions options) {
    Checks.id(conversationId, "conversationId");
    Checks.notNull(params, "params");
    Checks.notNull(options, "options");
    return new Invocation<>(
        transport,
        transport
            .conversations()
            .listConversationItems(
                conversationId,
                Bodies.getQueryParameter(options),
                params.after().orElse(null),
                params.limit().orElse(null),
                params.order().orElse(null),
                Transport.perCall(options.headers())),
        options);
  }

  private ConversationItemsPage page(
      String conversationId, ItemListParams params, RequestOptions options, ConversationItemList list) {
    return new ConversationItemsPage(
        list,
        params,
        next -> list(conversationId, next, options),
        next -> listAsync(conversationId, next, options));
  }
}
