package ai.mastra.client;

import ai.mastra.client.model.Conversation;
import ai.mastra.client.model.ConversationCreateRequest;
import ai.mastra.client.model.ConversationItemList;
import ai.mastra.client.model.Response;
import ai.mastra.client.model.ResponseCreateRequest;
import com.google.gson.JsonElement;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A conversation with one agent: every turn goes to the same agent and the same conversation (Mastra's memory
 * thread), is stored, and carries the session's request context. Get one from {@link
 * MastraClient#session(String)} (a new conversation), {@link MastraClient#session(String, String)} (resume one)
 * or {@link MastraClient#sessionBuilder(String)}.
 *
 * <pre>{@code
 * AgentSession session = client.session("support-agent");
 * Response first = session.send("My invoice is wrong");
 * try (ResponseStream stream = session.stream("Why?")) {
 *   stream.textDeltas().forEach(System.out::print);
 * }
 * for (OutputItem item : session.items()) { ... }          // the history, every page
 * session.delete();
 * }</pre>
 *
 * <p><b>What a turn sends.</b> Each turn is a {@code POST /v1/responses} with {@code agent_id} = the session's
 * agent, {@code conversation_id} = its conversation and {@code store: true} (so each response can be
 * retrieved, and the server keeps the turn in the conversation's items). {@link #send(ResponseCreateRequest)}
 * takes a full request for everything else (instructions, model, input messages, text format, provider
 * options); the session fills those three fields and refuses a request that sets them otherwise ({@code
 * agent_id} of another agent, another {@code conversation_id}, {@code store: false}) or sets {@code
 * previous_response_id} (the conversation already chains the turns; Mastra refuses the two on different
 * threads). The caller's request object is never changed.
 *
 * <p><b>The conversation is created lazily</b>, by the session's first call that needs it (a turn), with
 * {@code POST /v1/conversations} (agent, and the builder's resource id, title and metadata). Lazily, so that
 * making a session does no I/O and has no failure mode, and a session that is never used leaves nothing on the
 * server. It is a request of its own rather than a first turn without {@code conversation_id}: a stream's
 * first turn would otherwise learn its conversation only when the stream ends, and two first turns sent at
 * once would make two conversations. Until then {@link #conversationId()} is empty, {@link #items()} is empty
 * and {@link #delete()} deletes nothing. A session made with a conversation id does not create anything: its
 * turns go to that conversation ({@link NotFoundException} if there is none).
 *
 * <p><b>Request context.</b> The session's context (see {@link Builder#requestContext}) goes with every call as
 * {@link RequestOptions} would send it (body on POST, query on GET, nothing on DELETE). A call's own context
 * (in its options, or in the request's {@code requestContext}) is merged over it: the call's keys win.
 *
 * <p><b>Threads.</b> A session is thread-safe: any method may be called from any thread, and the conversation
 * is created exactly once however many first turns start together (the others wait for it, or their futures
 * follow it). Concurrent turns are each sent and stored, but the agent reads the conversation as it is when a
 * turn starts, so two turns sent at once do not see each other, and their order in the history is the order in
 * which the server finished them. For a conversation whose turns build on each other, send one turn after
 * the other; reading ({@link #items()}, {@link #conversationId()}) is safe at any time. {@link #delete()} while
 * turns are in flight leaves those turns failing with {@link NotFoundException}.
 *
 * <p>Blocking calls are here; the same operations returning futures are on {@link #async()}.
 */
public final class AgentSession {
  private final Conversations conversations;
  private final Responses responses;
  private final String agentId;
  private final RequestContext requestContext;
  private final String resourceId;
  private final String title;
  private final Map<String, Object> metadata;
  private final AtomicReference<CompletableFuture<String>> conversation = new AtomicReference<>();
  private final AgentSessionAsync async;
  private volatile boolean deleted;

  private AgentSession(Builder builder) {
    this.conversations = builder.client.conversations();
    this.responses = builder.client.responses();
    this.agentId = builder.agentId;
    this.requestContext = builder.requestContext;
    this.resourceId = builder.resourceId;
    this.title = builder.title;
    this.metadata = builder.metadata;
    if (builder.conversationId != null) {
      conversation.set(CompletableFuture.completedFuture(builder.conversationId));
    }
    this.async = new AgentSessionAsync(this);
  }

  static Builder builder(MastraClient client, String agentId) {
    return new Builder(client, agentId);
  }

  /** Returns the id of the agent every turn goes to. */
  public String agentId() {
    return agentId;
  }

  /**
   * Returns the id of the session's conversation: the one it was made with, or the one its first turn
   * created; empty before that (or while it is being created, or after it failed to be).
   */
  public Optional<String> conversationId() {
    CompletableFuture<String> current = conversation.get();
    if (current == null || !current.isDone() || current.isCompletedExceptionally()) {
      return Optional.empty();
    }
    return Optional.of(current.join());
  }

  /** Returns the session's request context, sent with every call; empty when it has none. */
  public Optional<RequestContext> requestContext() {
    return Optional.ofNullable(requestContext);
  }

  /** Returns the non-blocking view of this session: the same operations returning futures. */
  public AgentSessionAsync async() {
    return async;
  }

  // ---- turns ----

  /**
   * Sends one user message and returns the agent's response, stored in the conversation.
   *
   * @param input the user's message, not null
   * @return the response; {@code response.outputText()} is its text
   * @throws IllegalArgumentException if {@code input} is null (before any I/O)
   * @throws IllegalStateException if the session was deleted
   * @throws NotFoundException if the agent, or a resumed conversation, does not exist
   */
  public Response send(String input) {
    return send(userTurn(input), RequestOptions.none());
  }

  /**
   * Sends a full request as the next turn; see the class comment for the fields the session fills.
   *
   * @param request the turn: {@code input} required; {@code agent_id}, {@code conversation_id} and {@code
   *     store} unset (or equal to the session's); no {@code previous_response_id}
   * @return the response
   * @throws IllegalArgumentException if the request is invalid or conflicts with the session (before any I/O)
   * @throws IllegalStateException if the session was deleted
   */
  public Response send(ResponseCreateRequest request) {
    return send(request, RequestOptions.none());
  }

  /**
   * Sends a full request as the next turn, with per-call options (a request context merged over the
   * session's, headers, a timeout).
   *
   * @param request the turn (see {@link #send(ResponseCreateRequest)})
   * @param options per-call options, not null
   * @return the response
   * @throws IllegalArgumentException if an argument is invalid or conflicts with the session (before any I/O)
   * @throws IllegalStateException if the session was deleted
   */
  public Response send(ResponseCreateRequest request, RequestOptions options) {
    Turn turn = prepare(request, options);
    String id = conversationIdBlocking(turn.options);
    return responses.createCall(turn.to(id), turn.options).run();
  }

  /**
   * Sends one user message and reads the answer into {@code type}: the turn asks for the JSON Schema of the
   * class as its {@code text.format} (see {@link StructuredOutput}).
   *
   * <pre>{@code
   * Ticket ticket = session.send("Summarize the ticket", Ticket.class);
   * }</pre>
   *
   * @param input the user's message, not null
   * @param type the class of the answer
   * @param <T> the class of the answer
   * @return the answer
   * @throws IllegalArgumentException if an argument is invalid or {@code type} has no JSON schema (before any
   *     I/O)
   * @throws MastraStructuredOutputException if the answer is not JSON that fits {@code type}
   */
  public <T> T send(String input, Class<T> type) {
    return send(userTurn(input), type, RequestOptions.none());
  }

  /**
   * Sends a full request (without {@code text}) as the next turn and reads the answer into {@code type}.
   *
   * @param request the turn (see {@link #send(ResponseCreateRequest)}), without {@code text}
   * @param type the class of the answer
   * @param <T> the class of the answer
   * @return the answer
   * @throws IllegalArgumentException if an argument is invalid (before any I/O)
   * @throws MastraStructuredOutputException if the answer is not JSON that fits {@code type}
   */
  public <T> T send(ResponseCreateRequest request, Class<T> type) {
    return send(request, type, RequestOptions.none());
  }

  /**
   * Sends a full request (without {@code text}) as the next turn, with per-call options, and reads the answer
   * into {@code type}.
   *
   * @param request the turn, without {@code text}
   * @param type the class of the answer
   * @param options per-call options, not null
   * @param <T> the class of the answer
   * @return the answer
   * @throws IllegalArgumentException if an argument is invalid (before any I/O)
   * @throws MastraStructuredOutputException if the answer is not JSON that fits {@code type}
   */
  public <T> T send(ResponseCreateRequest request, Class<T> type, RequestOptions options) {
    StructuredOutput<T> output = Responses.structured(type);
    ResponseCreateRequest turn = Responses.withFormat(request, output);
    return output.read(() -> send(turn, options));
  }

  /**
   * Sends one user message and returns the answer's events as the server writes them; see {@link
   * ResponseStream}. Close the stream.
   *
   * @param input the user's message, not null
   * @return the open stream
   * @throws IllegalArgumentException if {@code input} is null (before any I/O)
   */
  public ResponseStream stream(String input) {
    return stream(userTurn(input), RequestOptions.none());
  }

  /**
   * Sends a full request as the next turn and returns the answer's events as the server writes them.
   *
   * @param request the turn (see {@link #send(ResponseCreateRequest)})
   * @return the open stream
   * @throws IllegalArgumentException if the request is invalid or conflicts with the session
   */
  public ResponseStream stream(ResponseCreateRequest request) {
    return stream(request, RequestOptions.none());
  }

  /**
   * Sends a full request as the next turn, with per-call options, and returns the answer's events; {@code
   * options.timeout()} is the stream's idle timeout (see {@link Responses#stream(ResponseCreateRequest,
   * RequestOptions)}).
   *
   * @param request the turn (see {@link #send(ResponseCreateRequest)})
   * @param options per-call options, not null
   * @return the open stream
   * @throws IllegalArgumentException if an argument is invalid or conflicts with the session
   */
  public ResponseStream stream(ResponseCreateRequest request, RequestOptions options) {
    Turn turn = prepare(request, options);
    String id = conversationIdBlocking(turn.options);
    return responses.stream(turn.to(id), turn.options);
  }

  /**
   * Sends one user message and hands the answer's events to {@code listener} without blocking; see {@link
   * Responses#stream(ResponseCreateRequest, RequestOptions, ResponseStreamListener)}.
   *
   * @param input the user's message, not null
   * @param listener receives the events, not null
   * @return the future of the final response; cancelling it stops the stream
   * @throws IllegalArgumentException if an argument is invalid (at once)
   */
  public CompletableFuture<Response> stream(String input, ResponseStreamListener listener) {
    return stream(userTurn(input), RequestOptions.none(), listener);
  }

  /**
   * Sends a full request as the next turn and hands the answer's events to {@code listener} without blocking.
   * If the session's conversation has to be created first and that fails, the listener's {@code onError} gets
   * the failure.
   *
   * @param request the turn (see {@link #send(ResponseCreateRequest)})
   * @param options per-call options, not null
   * @param listener receives the events, not null
   * @return the future of the final response; cancelling it stops the stream
   * @throws IllegalArgumentException if an argument is invalid (at once)
   */
  public CompletableFuture<Response> stream(
      ResponseCreateRequest request, RequestOptions options, ResponseStreamListener listener) {
    Turn turn = prepare(request, options);
    Checks.notNull(listener, "listener");
    return after(
        conversationIdAsync(turn.options),
        id -> responses.stream(turn.to(id), turn.options, listener),
        listener);
  }

  // ---- history and deletion ----

  /**
   * Returns the conversation's items (its messages, tool calls and tool results, oldest first), every page:
   * the first page is fetched now, later ones as iteration reaches them. Empty, without a request, before the
   * session's first turn.
   *
   * @return the items
   * @throws IllegalStateException if the session was deleted
   * @throws NotFoundException if a resumed conversation does not exist
   */
  public ConversationItemsPage.AutoPager items() {
    return items(RequestOptions.none());
  }

  /**
   * Returns the conversation's items with per-call options (later pages reuse them).
   *
   * @param options per-call options, not null
   * @return the items
   * @throws IllegalArgumentException if {@code options} is null
   * @throws IllegalStateException if the session was deleted
   */
  public ConversationItemsPage.AutoPager items(RequestOptions options) {
    Checks.notNull(options, "options");
    checkOpen();
    RequestOptions merged = withContext(null, options);
    String id = existingConversationId();
    if (id == null) {
      return emptyPage().autoPager();
    }
    return conversations.items().list(id, merged).autoPager();
  }

  /**
   * Deletes the session's conversation (its items and stored responses go with it) and ends the session:
   * later calls throw {@link IllegalStateException}. A session that never created its conversation deletes
   * nothing.
   *
   * @return true when a conversation was deleted, false when there was none to delete
   * @throws IllegalStateException if the session was deleted already
   * @throws NotFoundException if a resumed conversation does not exist
   */
  public boolean delete() {
    return delete(RequestOptions.none());
  }

  /**
   * Deletes the session's conversation with per-call options (headers, a timeout; Mastra reads no context on
   * DELETE) and ends the session.
   *
   * @param options per-call options, not null
   * @return true when a conversation was deleted, false when there was none to delete
   * @throws IllegalArgumentException if {@code options} is null
   */
  public boolean delete(RequestOptions options) {
    Checks.notNull(options, "options");
    checkOpen();
    String id = existingConversationId();
    if (id == null) {
      deleted = true;
      return false;
    }
    conversations.deleteCall(id, options).run();
    deleted = true;
    return true;
  }

  @Override
  public String toString() {
    return "AgentSession{agent=" + agentId + ", conversation=" + conversationId().orElse("(not created)")
        + (deleted ? ", deleted" : "") + "}";
  }

  // ---- for AgentSessionAsync ----

  CompletableFuture<Response> sendAsync(ResponseCreateRequest request, RequestOptions options) {
    Turn turn = prepare(request, options);
    return after(
        conversationIdAsync(turn.options), id -> responses.createCall(turn.to(id), turn.options).runAsync(), null);
  }

  <T> CompletableFuture<T> sendAsync(ResponseCreateRequest request, Class<T> type, RequestOptions options) {
    StructuredOutput<T> output = Responses.structured(type);
    return output.readAsync(sendAsync(Responses.withFormat(request, output), options));
  }

  CompletableFuture<ConversationItemsPage> itemsAsync(RequestOptions options) {
    Checks.notNull(options, "options");
    checkOpen();
    RequestOptions merged = withContext(null, options);
    CompletableFuture<String> current = conversation.get();
    if (current == null) {
      return CompletableFuture.completedFuture(emptyPage());
    }
    return after(
        current.exceptionally(failure -> null),
        id -> id == null ? CompletableFuture.completedFuture(emptyPage())
            : conversations.items().listAsync(id, ItemListParams.none(), merged),
        null);
  }

  CompletableFuture<Boolean> deleteAsync(RequestOptions options) {
    Checks.notNull(options, "options");
    checkOpen();
    CompletableFuture<String> current = conversation.get();
    if (current == null) {
      deleted = true;
      return CompletableFuture.completedFuture(false);
    }
    return after(
        current.exceptionally(failure -> null),
        id -> {
          if (id == null) {
            deleted = true;
            return CompletableFuture.completedFuture(false);
          }
          return conversations.deleteCall(id, options).runAsync().thenApply(gone -> {
            deleted = true;
            return true;
          });
        },
        null);
  }

  static ResponseCreateRequest userTurn(String input) {
    Checks.notNull(input, "input");
    return new ResponseCreateRequest().input(input);
  }

  // ---- the plumbing ----

  /** A checked turn: the body without its conversation id, and the options with the merged context. */
  private static final class Turn {
    final ResponseCreateRequest body;
    final RequestOptions options;

    Turn(ResponseCreateRequest body, RequestOptions options) {
      this.body = body;
      this.options = options;
    }

    ResponseCreateRequest to(String conversationId) {
      ResponseCreateRequest copy = Bodies.shallowCopy(body, ResponseCreateRequest.class);
      copy.setConversationId(conversationId);
      return copy;
    }
  }

  /** Every check a turn needs, before any I/O: the caller's mistakes fail here, not after a creation. */
  private Turn prepare(ResponseCreateRequest request, RequestOptions options) {
    Checks.notNull(request, "request");
    Checks.notNull(options, "options");
    checkOpen();
    if (request.getAgentId() != null && !request.getAgentId().equals(agentId)) {
      throw new IllegalArgumentException("request.agentId is '" + request.getAgentId() + "', but this session "
          + "talks to agent '" + agentId + "': leave agentId unset (the session sets it), or start a session "
          + "with that agent");
    }
    if (Boolean.FALSE.equals(request.getStore())) {
      throw new IllegalArgumentException("request.store is false, but a session stores every turn (its "
          + "history is its conversation): leave store unset, or send an unstored turn with client.responses()");
    }
    if (request.getPreviousResponseId() != null) {
      throw new IllegalArgumentException("request.previousResponseId must not be set in a session: the "
          + "session's conversation already chains its turns (by conversation_id)");
    }
    if (request.getConversationId() != null && !request.getConversationId().equals(conversationId().orElse(null))) {
      throw new IllegalArgumentException("request.conversationId is '" + request.getConversationId() + "', but "
          + "this session's conversation is " + conversationId().map(id -> "'" + id + "'").orElse("not created "
          + "yet") + ": leave conversationId unset (the session sets it), or resume that conversation with "
          + "client.session(agentId, conversationId)");
    }
    if (Boolean.TRUE.equals(request.getStream())) {
      throw new IllegalArgumentException(
          "request.stream must not be true: use stream(request), which reads the events");
    }
    ResponseCreateRequest body = Bodies.shallowCopy(request, ResponseCreateRequest.class);
    body.setAgentId(agentId);
    body.setStore(true);
    body.setRequestContext(null);
    Responses.checkCreate(body);
    return new Turn(body, withContext(request.getRequestContext(), options));
  }

  /**
   * The options with the session's context and the call's (from the request field or the options, not both)
   * merged, the call's keys winning; checked now.
   */
  private RequestOptions withContext(Map<String, Object> contextInRequest, RequestOptions options) {
    RequestContext call;
    if (options.requestContext().isPresent()) {
      if (contextInRequest != null) {
        throw new IllegalArgumentException(
            "requestContext is given twice: in request.requestContext and in options; give it once");
      }
      call = options.requestContext().get();
    } else {
      call = contextInRequest == null ? null : RequestContext.of(contextInRequest);
    }
    RequestContext merged;
    if (requestContext == null) {
      merged = call;
    } else if (call == null) {
      merged = requestContext;
    } else {
      RequestContext.Builder builder = requestContext.toBuilder();
      for (Map.Entry<String, JsonElement> entry : call.toJsonObject().entrySet()) {
        builder.set(entry.getKey(), entry.getValue());
      }
      merged = builder.build();
    }
    return merged == null ? options : options.toBuilder().requestContext(merged).build();
  }

  private void checkOpen() {
    if (deleted) {
      throw new IllegalStateException("this session's conversation was deleted: start a new session");
    }
  }

  private ConversationCreateRequest creationRequest() {
    ConversationCreateRequest request = new ConversationCreateRequest().agentId(agentId);
    if (resourceId != null) {
      request.resourceId(resourceId);
    }
    if (title != null) {
      request.title(title);
    }
    if (metadata != null) {
      request.metadata(new LinkedHashMap<>(metadata));
    }
    return request;
  }

  /** The conversation's id, created by this thread if no call has created it yet, else the other's. */
  private String conversationIdBlocking(RequestOptions options) {
    while (true) {
      CompletableFuture<String> current = conversation.get();
      if (current != null) {
        return await(current);
      }
      CompletableFuture<String> mine = new CompletableFuture<>();
      if (conversation.compareAndSet(null, mine)) {
        try {
          String id = conversations.createCall(creationRequest(), options).run().getId();
          mine.complete(id);
          return id;
        } catch (RuntimeException | Error e) {
          conversation.compareAndSet(mine, null); // a later turn tries again
          mine.completeExceptionally(e);
          throw e;
        }
      }
    }
  }

  private CompletableFuture<String> conversationIdAsync(RequestOptions options) {
    while (true) {
      CompletableFuture<String> current = conversation.get();
      if (current != null) {
        return current;
      }
      CompletableFuture<String> mine = new CompletableFuture<>();
      if (conversation.compareAndSet(null, mine)) {
        CompletableFuture<Conversation> created;
        try {
          created = conversations.createCall(creationRequest(), options).runAsync();
        } catch (RuntimeException e) {
          conversation.compareAndSet(mine, null);
          mine.completeExceptionally(e);
          throw e;
        }
        created.whenComplete(
            (value, failure) -> {
              if (failure != null) {
                conversation.compareAndSet(mine, null);
                mine.completeExceptionally(unwrap(failure));
              } else {
                mine.complete(value.getId());
              }
            });
        return mine;
      }
    }
  }

  /** The id of a created (or resumed) conversation, waiting for one being created; null when there is none. */
  private String existingConversationId() {
    CompletableFuture<String> current = conversation.get();
    if (current == null) {
      return null;
    }
    try {
      return await(current);
    } catch (RuntimeException e) {
      return null; // its creation failed: there is none
    }
  }

  private static String await(CompletableFuture<String> creation) {
    try {
      return creation.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MastraIOException("interrupted while waiting for another call to create the session's "
          + "conversation", new InterruptedIOException("interrupted"));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new MastraException("creating the session's conversation failed", cause);
    }
  }

  /**
   * {@code start} once {@code first} has its value. Cancelling the result cancels the call {@code start}
   * made; a failure of {@code first} fails the result (and reaches {@code listener}, which would otherwise
   * never hear of it).
   */
  private static <V, R> CompletableFuture<R> after(
      CompletableFuture<V> first, Function<V, CompletableFuture<R>> start, ResponseStreamListener listener) {
    CompletableFuture<R> result = new CompletableFuture<>();
    first.whenComplete(
        (value, failure) -> {
          if (failure != null) {
            Throwable cause = unwrap(failure);
            if (listener != null && cause instanceof MastraException && !result.isDone()) {
              try {
                listener.onError((MastraException) cause);
              } catch (RuntimeException ignored) {
                // the listener's own failure: the future still reports the original one
              }
            }
            result.completeExceptionally(cause);
            return;
          }
          if (result.isDone()) {
            return; // cancelled before the conversation was there: no turn is sent
          }
          CompletableFuture<R> next;
          try {
            next = start.apply(value);
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
          }
          result.whenComplete(
              (ignored, f) -> {
                if (result.isCancelled()) {
                  next.cancel(true);
                }
              });
          next.whenComplete(
              (r, f) -> {
                if (f != null) {
                  result.completeExceptionally(unwrap(f));
                } else {
                  result.complete(r);
                }
              });
        });
    return result;
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }

  private static ConversationItemsPage emptyPage() {
    ConversationItemList list = new ConversationItemList().object("list").data(new ArrayList<>()).hasMore(false);
    return new ConversationItemsPage(
        list,
        ItemListParams.none(),
        params -> {
          throw new IllegalStateException("no next page");
        },
        params -> {
          throw new IllegalStateException("no next page");
        });
  }

  /**
   * Builds an {@link AgentSession}: its conversation (a new one, or one to resume), its request context, and
   * what a new conversation is created with. Not thread-safe; every setter checks its argument at once.
   */
  public static final class Builder {
    private final MastraClient client;
    private final String agentId;
    private String conversationId;
    private RequestContext requestContext;
    private String resourceId;
    private String title;
    private Map<String, Object> metadata;

    private Builder(MastraClient client, String agentId) {
      this.client = client;
      this.agentId = Checks.notBlank(agentId, "agentId");
    }

    /**
     * Resumes this conversation instead of creating one: the turns go to it, and nothing is created (Mastra
     * would overwrite a thread created again with its id).
     *
     * @param conversationId an existing conversation's id
     * @return this builder
     * @throws IllegalArgumentException if the id is null, blank, {@code .} or {@code ..}
     */
    public Builder conversationId(String conversationId) {
      this.conversationId = Checks.id(conversationId, "conversationId");
      return this;
    }

    /**
     * Sets the request context sent with every call of the session (a call's own context is merged over it).
     *
     * @param requestContext the context, not null
     * @return this builder
     * @throws IllegalArgumentException if {@code requestContext} is null
     */
    public Builder requestContext(RequestContext requestContext) {
      this.requestContext = Checks.notNull(requestContext, "requestContext");
      return this;
    }

    /**
     * Sets whose memory a new conversation belongs to (Mastra's {@code resourceId}; default: the thread id).
     *
     * @param resourceId the resource id, not blank
     * @return this builder
     * @throws IllegalArgumentException if {@code resourceId} is null or blank
     */
    public Builder resourceId(String resourceId) {
      this.resourceId = Checks.notBlank(resourceId, "resourceId");
      return this;
    }

    /**
     * Sets the title of a new conversation.
     *
     * @param title the title, not null
     * @return this builder
     * @throws IllegalArgumentException if {@code title} is null
     */
    public Builder title(String title) {
      this.title = Checks.notNull(title, "title");
      return this;
    }

    /**
     * Sets the metadata of a new conversation (copied now).
     *
     * @param metadata JSON-like values, not null
     * @return this builder
     * @throws IllegalArgumentException if {@code metadata} is null
     */
    public Builder metadata(Map<String, Object> metadata) {
      this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(Checks.notNull(metadata, "metadata")));
      return this;
    }

    /**
     * Returns the session. No I/O: a new conversation is created by the first turn.
     *
     * @throws IllegalArgumentException if a conversation to resume is combined with a resource id, title or
     *     metadata (those are for a new conversation)
     */
    public AgentSession build() {
      if (conversationId != null && (resourceId != null || title != null || metadata != null)) {
        throw new IllegalArgumentException("resourceId, title and metadata are for a new conversation; a session "
            + "that resumes conversation '" + conversationId + "' cannot set them");
      }
      return new AgentSession(this);
    }
  }
}
