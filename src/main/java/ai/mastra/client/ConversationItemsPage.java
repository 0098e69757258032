package ai.mastra.client;

import ai.mastra.client.model.ConversationItem;
import ai.mastra.client.model.ConversationItemList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
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

  ConversationItemsPage(
      ConversationItemList list,
      ItemListParams params,
      Function<ItemListParams, ConversationItemsPage> fetch) {
    this.list = list;
    this.params = params;
    this.fetch = fetch;
  }

  /** Returns the items of this page, oldest first unless another order was asked for; never null. */
  public List<ConversationItem> data() {
    List<ConversationItem> data = list.getData();
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
    if (!hasNextPage()) {
      throw new NoSuchElementException("no next page (has_more=" + hasMore() + ", last_id=" + list.getLastId() + ")");
    }
    return fetch.apply(params.toBuilder().after(list.getLastId()).build());
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

  /** Every item from a first page on, fetching later pages lazily. {@code Iterable} and {@link #stream()}. */
  public static final class AutoPager implements Iterable<ConversationItem> {
    private final ConversationItemsPage first;

    private AutoPager(ConversationItemsPage first) {
      this.first = first;
    }

    /** Returns an iterator that fetches each next page when the previous one is used up. */
    @Override
    public Iterator<ConversationItem> iterator() {
      return new Iterator<ConversationItem>() {
        private ConversationItemsPage page = first;
        private Iterator<ConversationItem> items = first.data().iterator();

        @Override
        public boolean hasNext() {
          while (!items.hasNext()) {
            if (!page.hasNextPage()) {
              return false;
            }
            ConversationItemsPage next = page.nextPage();
            if (next.list.getLastId() != null && next.list.getLastId().equals(page.list.getLastId())) {
              throw new MastraInvalidResponseException(
                  "the server answered has_more=true but the next page ended at the same last_id "
                      + page.list.getLastId() + "; stopping instead of looping or repeating items",
                  200, "", null);
            }
            page = next;
            items = next.data().iterator();
          }
          return true;
        }

        @Override
        public ConversationItem next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return items.next();
        }
      };
    }

    /** Returns the items as a sequential, lazy stream. */
    public Stream<ConversationItem> stream() {
      return StreamSupport.stream(
          Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
  }
}
