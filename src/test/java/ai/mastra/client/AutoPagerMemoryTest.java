package ai.mastra.client;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mastra.client.model.MessageItem;
import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.ConversationItemList;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The auto-pager keeps no page it has walked past: 100,000 items over 1,000 pages, and after a GC no earlier
 * page is still reachable from the iteration. (Not a timing or heap-size assertion: reachability is exact.)
 */
class AutoPagerMemoryTest {
  private static final int PAGES = 1_000;
  private static final int PAGE_SIZE = 100;

  private final List<WeakReference<ConversationItemsPage>> fetched = new ArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();

  private ConversationItemsPage page(int index) {
    List<OutputItem> items = new ArrayList<>(PAGE_SIZE);
    for (int i = 0; i < PAGE_SIZE; i++) {
      items.add(new MessageItem().id("item-" + (index * PAGE_SIZE + i)));
    }
    ConversationItemList list = new ConversationItemList()
        .object("list")
        .data(items)
        .firstId(items.get(0).getId())
        .lastId(items.get(PAGE_SIZE - 1).getId())
        .hasMore(index < PAGES - 1);
    ConversationItemsPage page = new ConversationItemsPage(
        list,
        ItemListParams.none(),
        params -> {
          requests.incrementAndGet();
          return page(index + 1);
        },
        params -> CompletableFuture.completedFuture(page(index + 1)));
    fetched.add(new WeakReference<>(page));
    return page;
  }

  @Test
  void walkingAHundredThousandItemsKeepsOnlyTheCurrentPageReachable() {
    Iterator<OutputItem> iterator = page(0).autoPager().iterator();
    int seen = 0;
    int maxReachable = 0;
    while (iterator.hasNext()) {
      OutputItem item = iterator.next();
      assertThat(item.getId()).isEqualTo("item-" + seen);
      seen++;
      if (seen % (PAGE_SIZE * 100) == PAGE_SIZE / 2) { // mid-page, every 100 pages
        maxReachable = Math.max(maxReachable, reachablePagesAfterGc());
      }
    }
    assertThat(seen).isEqualTo(PAGES * PAGE_SIZE);
    assertThat(requests).hasValue(PAGES - 1);
    assertThat(maxReachable).isEqualTo(1);
  }

  @Test
  void pagesAreFetchedOnlyWhenIterationReachesThem() {
    Iterator<OutputItem> iterator = page(0).autoPager().iterator();
    for (int i = 0; i < PAGE_SIZE; i++) {
      iterator.next();
    }
    assertThat(requests).hasValue(0);
    iterator.next();
    assertThat(requests).hasValue(1);
  }

  private int reachablePagesAfterGc() {
    for (int attempt = 0; attempt < 10; attempt++) {
      System.gc();
      int reachable = (int) fetched.stream().filter(ref -> ref.get() != null).count();
      if (reachable <= 1) {
        return reachable;
      }
    }
    return (int) fetched.stream().filter(ref -> ref.get() != null).count();
  }
}
