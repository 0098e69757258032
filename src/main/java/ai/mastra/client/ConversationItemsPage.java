package ai.mastra.client;

import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.ConversationItemList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One page of a conversation's items, and the way to the next ones.
 *
 * <p>{@link #hasNextPage()} is true only when the server says {@code has_more} <em>and</em> gives a
 * {@code last_id} <em>and</em> the page is not empty. Mastra always answers {@code has_more: false} with a
 * non-null {@code last_id} (the whole thread in one page): a pager that followed {@code last_id} alone would
 * loop for ever. {@link #autoPager()} fetches the next page only when iteration reaches it, holds one page at a
 * time, and throws {@link MastraInvalidResponseException} if a server claims {@code has_more} but its cursor
 * does not move (the same {@code last_id} twice), rather than loop or repeat items.
 *
 * <p>Immutable apart from the network calls it makes; not meant to be shared while iterating.
 */
public final class ConversationItemsPage {
  private final ConversationItemList list;
  private final ItemListParams params;
  private final Function<ItemListParams, ConversationItemsPage> fetch;
  private final Function<ItemListParams, CompletableFuture<ConversationItemsPage>> fetchAsync;

  ConversationItemsPage(
      ConversationItemList list,
      ItemListParams params,
      Function<ItemListParams, ConversationItemsPage> fetch,
      Function<ItemListParams, CompletableFuture<ConversationItemsPage>> fetchAsync) {
    this.list = list;
    this.params = params;
    this.fetch = fetch;
    this.fetchAsync = fetchAsync;
  }

  /** Returns the items of this page, oldest first unless another order was asked for; never null. */
  public List<OutputItem> data() {
    List<OutputItem> data = list.getData();
    return data == null ? Collections.emptyList() : Collections.unmodifiableList(data);
  }

  /** Returns the id of the first item of this page; empty when the page is empty. */
  public Optional<String> firstId() {
    return Optional.ofNullable(list.getFirstId());
  }

  /** Returns the id of the last item of this page (the next cursor); empty when the page is empty. */
  public Optional<String> lastId() {
    return Optional.ofNullable(list.getLastId());
  }

  /** Returns the server's {@code has_more}. */
  public boolean hasMore() {
    return Boolean.TRUE.equals(list.getHasMore());
  }

  /** Returns the params this page was fetched with. */
  public ItemListParams params() {
    return params;
  }

  /** Returns the page as the server sent it. */
  public ConversationItemList raw() {
    return list;
  }

  /**
   * Whether there is a next page to fetch: {@code has_more}, a {@code last_id} and at least one item. Makes
   * no request.
   */
  public boolean hasNextPage() {
    return hasMore() && list.getLastId() != null && !data().isEmpty();
  }

  /**
   * Fetches the next page: the same params and options, with {@code after} set to this page's last id.
   *
   * @return the next page
   * @throws NoSuchElementException if {@link #hasNextPage()} is false
   */
  public ConversationItemsPage nextPage() {
    return fetch.apply(nextParams());
  }

  /**
   * Fetches the next page without blocking (see {@link #nextPage()}).
   *
   * @return a future of the next page
   * @throws NoSuchElementException if {@link #hasNextPage()} is false
   */
  public CompletableFuture<ConversationItemsPage> nextPageAsync() {
    return fetchAsync.apply(nextParams());
  }

  private ItemListParams nextParams() {
    if (!hasNextPage()) {
      throw new NoSuchElementException(
          "no next page (has_more=" + hasMore() + ", last_id=" + list.getLastId() + ")");
    }
    return params.toBuilder().after(list.getLastId()).build();
  }

  /**
   * Hands every item of this page and the pages after it to {@code action}, fetching each next page without
   * blocking once the previous one is handled. The future completes when the last page is done, or
   * exceptionally with the first failure (of a fetch or of {@code action}); cancelling it stops the paging.
   * {@code action} runs on the thread that completed the fetch (an OkHttp thread for later pages).
   *
   * @param action what to do with each item, in order
   * @return a future that completes when every item was handled
   */
  public CompletableFuture<Void> forEachAsync(Consumer<? super OutputItem> action) {
    Checks.notNull(action, "action");
    CompletableFuture<Void> done = new CompletableFuture<>();
    // Only the fetch in flight is referenced, so a finished page can be collected: one page in memory.
    AtomicReference<CompletableFuture<ConversationItemsPage>> inFlight = new AtomicReference<>();
    done.whenComplete(
        (ignored, failure) -> {
          CompletableFuture<ConversationItemsPage> fetch = inFlight.get();
          if (fetch != null) {
            fetch.cancel(true);
          }
        });
    continueFrom(this, action, done, inFlight, new HashSet<>());
    return done;
  }

  private static void continueFrom(
      ConversationItemsPage page,
      Consumer<? super OutputItem> action,
      CompletableFuture<Void> done,
      AtomicReference<CompletableFuture<ConversationItemsPage>> inFlight,
      Set<String> cursors) {
    try {
      if (done.isDone()) {
        return; // cancelled by the caller
      }
      page.data().forEach(action);
      if (!page.hasNextPage()) {
        done.complete(null);
        return;
      }
      checkNewCursor(page, cursors);
      CompletableFuture<ConversationItemsPage> next = page.nextPageAsync();
      inFlight.set(next);
      if (done.isDone()) {
        next.cancel(true); // cancelled between the check above and now
      }
      next.whenComplete(
          (nextPage, failure) -> {
            if (failure != null) {
              done.completeExceptionally(unwrap(failure));
            } else {
              try {
                checkCursorMoved(page, nextPage);
                continueFrom(nextPage, action, done, inFlight, cursors);
              } catch (RuntimeException e) {
                done.completeExceptionally(e);
              }
            }
          });
    } catch (RuntimeException e) {
      done.completeExceptionally(e);
    }
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }

  /** A server that claims more items but answers the same cursor again would make a pager loop. */
  private static void checkCursorMoved(ConversationItemsPage page, ConversationItemsPage next) {
    if (next.list.getLastId() != null && next.list.getLastId().equals(page.list.getLastId())) {
      throw new MastraInvalidResponseException(
          "the server answered has_more=true but the next page ended at the same last_id "
              + page.list.getLastId() + "; stopping instead of looping or repeating items",
          "", null);
    }
  }

  /**
   * A server whose cursors come round again (A, B, A, ... with {@code has_more}) would make a pager loop for
   * ever: every cursor may be asked for once. {@code cursors} holds the ids only, never the pages.
   */
  private static void checkNewCursor(ConversationItemsPage page, Set<String> cursors) {
    String cursor = page.list.getLastId();
    if (!cursors.add(cursor)) {
      throw new MastraInvalidResponseException(
          "the server answered has_more=true with last_id " + cursor + ", a cursor already followed: its pages "
              + "go round in a cycle; stopping instead of looping or repeating items",
          "", null);
    }
  }

  /**
   * Returns every item of this page and the pages after it. Each page is fetched lazily, one request per
   * page, when iteration reaches it; each iteration starts again from this page.
   */
  public AutoPager autoPager() {
    return new AutoPager(this);
  }

  @Override
  public String toString() {
    return "ConversationItemsPage{items=" + data().size() + ", firstId=" + list.getFirstId()
        + ", lastId=" + list.getLastId() + ", hasMore=" + hasMore() + "}";
  }

  /**
   * Walks the pages; it references only the current page, so pages already walked can be collected (unless
   * the caller keeps them).
   */
  private static final class PagingIterator implements Iterator<OutputItem> {
    private ConversationItemsPage page;
    private Iterator<OutputItem> items;
    private final Set<String> cursors = new HashSet<>();

    PagingIterator(ConversationItemsPage first) {
      this.page = first;
      this.items = first.data().iterator();
    }

    @Override
    public boolean hasNext() {
      while (!items.hasNext()) {
        if (!page.hasNextPage()) {
          return false;
        }
        checkNewCursor(page, cursors);
        ConversationItemsPage next = page.nextPage();
        checkCursorMoved(page, next);
        page = next;
        items = next.data().iterator();
      }
      return true;
    }

    @Override
    public OutputItem next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return items.next();
    }
  }

  /** Every item from a first page on, fetching later pages lazily. {@code Iterable} and {@link #stream()}. */
  public static final class AutoPager implements Iterable<OutputItem> {
    private final ConversationItemsPage first;

    private AutoPager(ConversationItemsPage first) {
      this.first = first;
    }

    /** Returns an iterator that fetches each next page when the previous one is used up. */
    @Override
    public Iterator<OutputItem> iterator() {
      return new PagingIterator(first);
    }

    /** Returns the items as a sequential, lazy stream. */
    public Stream<OutputItem> stream() {
      return StreamSupport.stream(
          Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
  }
}
