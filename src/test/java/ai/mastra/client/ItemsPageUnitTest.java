package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.MessageItem;
import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.ConversationItemList;
import ai.mastra.client.model.ListOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ConversationItemsPage} and {@link ItemListParams} without HTTP: pages served from memory, so every
 * paging rule (when there is a next page, which params it is asked with, stuck cursors, failures,
 * cancellation) is checked exactly, with the params each fetch received.
 */
class ItemsPageUnitTest {

  /** The params of every fetch, in order. */
  private final List<ItemListParams> asked = Collections.synchronizedList(new ArrayList<>());

  private static ConversationItemList list(Boolean hasMore, String lastId, String... ids) {
    List<OutputItem> items = new ArrayList<>();
    for (String id : ids) {
      items.add(new MessageItem().id(id));
    }
    return new ConversationItemList().object("list").data(items)
        .firstId(ids.length == 0 ? null : ids[0]).lastId(lastId).hasMore(hasMore);
  }

  /** A chain of pages: each list is one page; the fetches answer the next list, whatever the params. */
  private ConversationItemsPage chain(ItemListParams params, List<ConversationItemList> lists) {
    return page(params, lists, 0);
  }

  private ConversationItemsPage page(ItemListParams params, List<ConversationItemList> lists, int index) {
    return new ConversationItemsPage(lists.get(index), params,
        next -> {
          asked.add(next);
          return page(next, lists, index + 1);
        },
        next -> {
          asked.add(next);
          return CompletableFuture.completedFuture(page(next, lists, index + 1));
        });
  }

  private static List<String> ids(Iterable<OutputItem> items) {
    List<String> ids = new ArrayList<>();
    items.forEach(item -> ids.add(item.getId()));
    return ids;
  }

  // ------------------------------------------------------------------------------------------ one page

  @ParameterizedTest(name = "has_more={0} last_id={1} items={2} -> {3}")
  @CsvSource(nullValues = "null", value = {
    "true, i2, 2, true",
    "false, i2, 2, false",
    "null, i2, 2, false",
    "true, null, 2, false",
    "true, i2, 0, false",
  })
  void thereIsANextPageOnlyWithHasMoreALastIdAndItems(Boolean hasMore, String lastId, int items, boolean next) {
    String[] ids = items == 0 ? new String[0] : new String[] {"i1", "i2"};
    ConversationItemsPage page = chain(ItemListParams.none(), List.of(list(hasMore, lastId, ids)));

    assertThat(page.hasNextPage()).isEqualTo(next);
    assertThat(page.hasMore()).isEqualTo(Boolean.TRUE.equals(hasMore));
    if (!next) {
      assertThatThrownBy(page::nextPage).isInstanceOf(NoSuchElementException.class)
          .hasMessage("no next page (has_more=" + page.hasMore() + ", last_id=" + lastId + ")");
      assertThatThrownBy(page::nextPageAsync).isInstanceOf(NoSuchElementException.class);
      assertThat(asked).isEmpty();
    }
  }

  @Test
  void aPageShowsWhatTheServerSaid() {
    ConversationItemList raw = list(true, "i2", "i1", "i2");
    ConversationItemsPage page = new ConversationItemsPage(raw, ItemListParams.none(), p -> null, p -> null);

    assertThat(page.data()).extracting(OutputItem::getId).containsExactly("i1", "i2");
    assertThat(page.firstId()).contains("i1");
    assertThat(page.lastId()).contains("i2");
    assertThat(page.raw()).isSameAs(raw);
    assertThat(page.params()).isSameAs(ItemListParams.none());
    assertThat(page.toString()).isEqualTo("ConversationItemsPage{items=2, firstId=i1, lastId=i2, hasMore=true}");
    assertThatThrownBy(() -> page.data().add(new MessageItem()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aPageWithoutDataOrIdsIsEmpty() {
    ConversationItemsPage page = new ConversationItemsPage(new ConversationItemList(), ItemListParams.none(),
        p -> null, p -> null);

    assertThat(page.data()).isEmpty();
    assertThat(page.firstId()).isEmpty();
    assertThat(page.lastId()).isEmpty();
    assertThat(page.hasMore()).isFalse();
    assertThat(page.hasNextPage()).isFalse();
    assertThat(ids(page.autoPager())).isEmpty();
  }

  @Test
  void theNextPageRepeatsTheParamsWithAfterTheLastId() throws Exception {
    ItemListParams params = ItemListParams.builder().limit(2).order(ListOrder.DESC).after("i0").build();
    ConversationItemsPage first = chain(params, List.of(list(true, "i2", "i1", "i2"), list(false, "i3", "i3")));

    ConversationItemsPage second = first.nextPage();
    ConversationItemsPage secondAsync = first.nextPageAsync().get(10, TimeUnit.SECONDS);

    assertThat(second.data()).extracting(OutputItem::getId).containsExactly("i3");
    assertThat(secondAsync.data()).extracting(OutputItem::getId).containsExactly("i3");
    assertThat(asked).hasSize(2).allSatisfy(next -> {
      assertThat(next.after()).contains("i2");
      assertThat(next.limit()).contains(2);
      assertThat(next.order()).contains(ListOrder.DESC);
    });
    assertThat(params.after()).as("the caller's params are unchanged").contains("i0");
  }

  // ------------------------------------------------------------------------------------------ auto-pager

  @Test
  void theAutoPagerWalksEveryPageOnceAndStopsAtTheLast() {
    ConversationItemsPage first = chain(ItemListParams.none(), List.of(
        list(true, "i2", "i1", "i2"), list(true, "i3", "i3"), list(false, "i4", "i4")));

    assertThat(ids(first.autoPager())).containsExactly("i1", "i2", "i3", "i4");
    assertThat(asked).extracting(p -> p.after().orElse(null)).containsExactly("i2", "i3");
    assertThat(first.autoPager().stream().map(OutputItem::getId).collect(Collectors.toList()))
        .containsExactly("i1", "i2", "i3", "i4");
  }

  @Test
  void theAutoPagerStopsAtAnEmptyPageEvenIfItClaimsMore() {
    ConversationItemsPage first = chain(ItemListParams.none(), List.of(
        list(true, "i1", "i1"), list(true, "i9"), list(false, "never", "never")));

    assertThat(ids(first.autoPager())).containsExactly("i1");
    assertThat(asked).hasSize(1);
  }

  @Test
  void anAutoPagerIteratorPastTheEndThrowsNoSuchElement() {
    Iterator<OutputItem> items = chain(ItemListParams.none(), List.of(list(false, "i1", "i1")))
        .autoPager().iterator();

    assertThat(items.next().getId()).isEqualTo("i1");
    assertThat(items.hasNext()).isFalse();
    assertThatThrownBy(items::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void eachAutoPagerIteratorStartsAgainAtTheFirstPage() {
    ConversationItemsPage first = chain(ItemListParams.none(), List.of(list(true, "i1", "i1"), list(false, "i2", "i2")));
    ConversationItemsPage.AutoPager pager = first.autoPager();

    assertThat(ids(pager)).containsExactly("i1", "i2");
    assertThat(ids(pager)).containsExactly("i1", "i2");
  }

  @Test
  void aStuckCursorStopsTheAutoPagerWithAnInvalidResponse() {
    ConversationItemsPage first = chain(ItemListParams.none(), List.of(
        list(true, "i2", "i1", "i2"), list(true, "i2", "i1", "i2")));
    Iterator<OutputItem> items = first.autoPager().iterator();
    items.next();
    items.next();

    assertThatThrownBy(items::hasNext).isInstanceOf(MastraInvalidResponseException.class)
        .hasMessageContaining("the same last_id i2");
    assertThat(asked).hasSize(1);
  }

  @Test
  void aNextPageWithoutALastIdIsNotAStuckCursor() {
    ConversationItemsPage first = chain(ItemListParams.none(), List.of(list(true, "i1", "i1"), list(true, null, "i2")));

    assertThat(ids(first.autoPager())).containsExactly("i1", "i2");
  }

  // ------------------------------------------------------------------------------------------ forEachAsync

  @Test
  void forEachAsyncVisitsEveryItemOfEveryPage() throws Exception {
    ConversationItemsPage first = chain(ItemListParams.none(), List.of(
        list(true, "i2", "i1", "i2"), list(true, "i3", "i3"), list(false, "i4", "i4")));
    List<String> seen = new ArrayList<>();

    first.forEachAsync(item -> seen.add(item.getId())).get(10, TimeUnit.SECONDS);

    assertThat(seen).containsExactly("i1", "i2", "i3", "i4");
    assertThat(asked).hasSize(2);
  }

  @Test
  void forEachAsyncFailsOnAStuckCursor() {
    ConversationItemsPage first = chain(ItemListParams.none(), List.of(
        list(true, "i2", "i1", "i2"), list(true, "i2", "i1", "i2")));

    assertThatThrownBy(() -> first.forEachAsync(item -> { }).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(MastraInvalidResponseException.class);
  }

  @Test
  void forEachAsyncFailsWithTheCauseOfAFailedFetchUnwrapped() {
    MastraIOException cause = new MastraIOException("GET failed", new java.io.IOException("reset"));
    ConversationItemsPage first = new ConversationItemsPage(list(true, "i1", "i1"), ItemListParams.none(),
        p -> null, p -> {
          CompletableFuture<ConversationItemsPage> failed = new CompletableFuture<>();
          failed.completeExceptionally(new CompletionException(cause));
          return failed;
        });

    assertThatThrownBy(() -> first.forEachAsync(item -> { }).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause().isSameAs(cause);
  }

  @Test
  void forEachAsyncStoresTheUnwrappedCauseNotTheCompletionException() throws Exception {
    MastraIOException cause = new MastraIOException("GET failed", new java.io.IOException("reset"));
    CompletionException causeless = new CompletionException("no cause", null);
    for (Throwable failure : new Throwable[] {new CompletionException(cause), causeless}) {
      ConversationItemsPage first = new ConversationItemsPage(list(true, "i1", "i1"), ItemListParams.none(),
          p -> null, p -> CompletableFuture.failedFuture(failure));

      // handle() sees the exception as stored (get() would unwrap a CompletionException by itself)
      Throwable stored = first.forEachAsync(item -> { }).handle((ok, t) -> t).get(10, TimeUnit.SECONDS);

      assertThat(stored).isSameAs(failure == causeless ? causeless : cause);
    }
  }

  @Test
  void forEachAsyncFailsWithAFailureThatIsNotWrapped() {
    IllegalStateException cause = new IllegalStateException("plain");
    ConversationItemsPage first = new ConversationItemsPage(list(true, "i1", "i1"), ItemListParams.none(),
        p -> null, p -> CompletableFuture.failedFuture(cause));

    assertThatThrownBy(() -> first.forEachAsync(item -> { }).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause().isSameAs(cause);
  }

  @Test
  void forEachAsyncFailsWhenTheActionThrowsAndFetchesNothingMore() {
    ConversationItemsPage first = chain(ItemListParams.none(), List.of(list(true, "i1", "i1"), list(false, "i2", "i2")));
    IllegalStateException bug = new IllegalStateException("bug");

    assertThatThrownBy(() -> first.forEachAsync(item -> {
      throw bug;
    }).get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause().isSameAs(bug);
    assertThat(asked).isEmpty();
  }

  @Test
  void forEachAsyncFailsWhenTheActionThrowsOnALaterPage() {
    ConversationItemsPage first = chain(ItemListParams.none(), List.of(list(true, "i1", "i1"), list(false, "i2", "i2")));
    IllegalStateException bug = new IllegalStateException("bug on i2");

    assertThatThrownBy(() -> first.forEachAsync(item -> {
      if (item.getId().equals("i2")) {
        throw bug;
      }
    }).get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause().isSameAs(bug);
  }

  @Test
  void cancellingForEachAsyncCancelsTheFetchInFlightAndVisitsNoMore() {
    CompletableFuture<ConversationItemsPage> never = new CompletableFuture<>();
    ConversationItemsPage first = new ConversationItemsPage(list(true, "i1", "i1"), ItemListParams.none(),
        p -> null, p -> never);
    List<String> seen = new ArrayList<>();

    CompletableFuture<Void> done = first.forEachAsync(item -> seen.add(item.getId()));
    assertThat(done).isNotDone();
    assertThat(done.cancel(true)).isTrue();

    assertThat(never).isCancelled();
    assertThat(seen).containsExactly("i1");
  }

  @Test
  void aFetchThatCompletesAfterCancellationVisitsNothing() {
    CompletableFuture<ConversationItemsPage> later = new CompletableFuture<>();
    ConversationItemsPage first = new ConversationItemsPage(list(true, "i1", "i1"), ItemListParams.none(),
        p -> null, p -> later.thenApply(page -> page)); // the SDK's future is a stage: cancelling it leaves this one
    List<String> seen = new ArrayList<>();
    CompletableFuture<Void> done = first.forEachAsync(item -> seen.add(item.getId()));
    done.cancel(true);

    later.complete(chain(ItemListParams.none(), List.of(list(false, "i2", "i2"))));

    assertThat(seen).containsExactly("i1");
  }

  @Test
  void forEachAsyncRefusesANullAction() {
    ConversationItemsPage first = chain(ItemListParams.none(), List.of(list(false, "i1", "i1")));

    assertThatThrownBy(() -> first.forEachAsync(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("action must not be null");
  }

  // ------------------------------------------------------------------------------------------ params

  @Test
  void itemListParamsHoldWhatWasSetAndToBuilderCopiesIt() {
    ItemListParams params = ItemListParams.builder().after("i9").limit(1).order(ListOrder.ASC).build();

    assertThat(params.after()).contains("i9");
    assertThat(params.limit()).contains(1);
    assertThat(params.order()).contains(ListOrder.ASC);
    assertThat(params.toString()).isEqualTo("ItemListParams{after=i9, limit=1, order=asc}");
    ItemListParams copy = params.toBuilder().build();
    assertThat(Arrays.asList(copy.after(), copy.limit(), copy.order()))
        .containsExactly(params.after(), params.limit(), params.order());
    ItemListParams changed = params.toBuilder().limit(5).build();
    assertThat(changed.limit()).contains(5);
    assertThat(params.limit()).contains(1);
  }

  @Test
  void noParamsAreEmpty() {
    assertThat(ItemListParams.none().after()).isEmpty();
    assertThat(ItemListParams.none().limit()).isEmpty();
    assertThat(ItemListParams.none().order()).isEmpty();
    assertThat(ItemListParams.builder().build().toString()).isEqualTo("ItemListParams{after=null, limit=null, order=null}");
  }

  @Test
  void badParamsAreRefusedNamingTheProblem() {
    assertThatThrownBy(() -> ItemListParams.builder().limit(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("limit must be at least 1, got 0");
    assertThatThrownBy(() -> ItemListParams.builder().order(ListOrder.of("sideways")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("order must be ASC or DESC");
    assertThatThrownBy(() -> ItemListParams.builder().order(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("order must not be null");
    assertThatThrownBy(() -> ItemListParams.builder().after(" "))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("after must not be blank");
    assertThatThrownBy(() -> ItemListParams.builder().after(null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("after must not be null");
  }
}
