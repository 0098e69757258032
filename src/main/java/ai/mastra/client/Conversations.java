package ai.mastra.client;

import ai.mastra.client.internal.Transport;
import ai.mastra.client.model.Conversation;
import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.ConversationDeleted;

/**
 * The Conversations API: create, retrieve and delete the memory thread behind stored responses, and list its
 * items with {@link #items()}. Get it from {@link MastraClient#conversations()}; thread-safe.
 *
 * <p>Every method runs one blocking HTTP call and throws a {@link MastraException} on failure: a {@link
 * MastraServiceException} subclass for an error status (e.g. {@link NotFoundException} for an unknown id),
 * {@link MastraIOException} when no answer arrived. Bad arguments throw {@link IllegalArgumentException}
 * before any I/O.
 */
public final class Conversations {
  private final Transport transport;
  private final ConversationItems items;

  Conversations(Transport transport) {
    this.transport = transport;
    this.items = new ConversationItems(transport);
  }

  /** Returns the items service of conversations. */
  public ConversationItems items() {
    return items;
  }

  /**
   * Creates a conversation. When {@code conversation_id} names an existing thread, Mastra overwrites it.
   *
   * @param request the conversation to create; {@code agent_id} is required
   * @return the created conversation
   * @throws IllegalArgumentException if {@code request} or its agent id is null or blank
   */
  public Conversation create(ConversationCreateRequest request) {
    return create(request, RequestOptions.none());
  }

  /**
   * Creates a conversation with per-call options. A request context (in {@code options} or in {@code
   * request.requestContext}, not both) is sent as the {@code requestContext} member of the JSON body, where
   * Mastra reads it on POST, and never in the URL; {@code request} itself is not changed.
   *
   * @param request the conversation to create; {@code agent_id} is required
   * @param options per-call options, not null
   * @return the created conversation
   * @throws IllegalArgumentException if an argument is invalid, or a request context is given both in the
   *     request and in {@code options}
   */
  public Conversation create(ConversationCreateRequest request, RequestOptions options) {
    return createCall(request, options).run();
  }

  Invocation<Conversation> createCall(ConversationCreateRequest request, RequestOptions options) {
    Checks.notNull(request, "request");
    Checks.notNull(options, "options");
    Checks.notBlank(request.getAgentId(), "request.agentId");
    ConversationCreateRequest body =
        Bodies.withContext(
            request,
            ConversationCreateRequest.class,
            request.getRequestContext(),
            ConversationCreateRequest::setRequestContext,
            options,
            false);
    return new Invocation<>(
        transport,
        transport.conversations().createConversation(body, Transport.perCall(options.headers())),
        options);
  }

  /**
   * Retrieves a conversation.
   *
   * @param conversationId the conversation (raw thread) id
   * @return the conversation and its thread record
   * @throws NotFoundException if there is no such conversation
   * @throws IllegalArgumentException if the id is null, blank, {@code .} or {@code ..}
   */
  public Conversation retrieve(String conversationId) {
    return retrieve(conversationId, RequestOptions.none());
  }

  /**
   * Retrieves a conversation with per-call options. A request context in {@code options} is sent as the
   * {@code requestContext} query parameter, the only place Mastra reads it on GET.
   *
   * @param conversationId the conversation (raw thread) id
   * @param options per-call options, not null
   * @return the conversation and its thread record
   * @throws NotFoundException if there is no such conversation
   * @throws IllegalArgumentException if an argument is invalid, or the context's query parameter would be
   *     longer than {@link RequestContext#MAX_QUERY_PARAMETER_LENGTH} bytes
   */
  public Conversation retrieve(String conversationId, RequestOptions options) {
    return retrieveCall(conversationId, options).run();
  }

  Invocation<Conversation> retrieveCall(String conversationId, RequestOptions options) {
    Checks.id(conversationId, "conversationId");
    Checks.notNull(options, "options");
    return new Invocation<>(
        transport,
        transport
            .conversations()
            .retrieveConversation(
                conversationId, Bodies.getQueryParameter(options), Transport.perCall(options.headers())),
        options);
  }

  /**
   * Deletes a conversation; its stored responses can no longer be retrieved afterwards.
   *
   * @param conversationId the conversation (raw thread) id
   * @return the deletion confirmation
   * @throws NotFoundException if there is no such conversation
   * @throws IllegalArgumentException if the id is null, blank, {@code .} or {@code ..}
   */
  public ConversationDeleted delete(String conversationId) {
    return delete(conversationId, RequestOptions.none());
  }

  /**
   * Deletes a conversation with per-call options. A request context in {@code options} is not sent: Mastra
   * reads none on DELETE.
   *
   * @param conversationId the conversation (raw thread) id
   * @param options per-call options, not null
   * @return the deletion confirmation
   * @throws NotFoundException if there is no such conversation
   * @throws IllegalArgumentException if an argument is invalid
   */
  public ConversationDeleted delete(String conversationId, RequestOptions options) {
    return deleteCall(conversationId, options).run();
  }

  Invocation<ConversationDeleted> deleteCall(String conversationId, RequestOptions options) {
    Checks.id(conversationId, "conversationId");
    Checks.notNull(options, "options");
    return new Invocation<>(
        transport,
        // No context: Mastra reads none on DELETE (see Bodies).
        transport.conversations().deleteConversation(conversationId, Transport.perCall(options.headers())),
        options);
  }
}
