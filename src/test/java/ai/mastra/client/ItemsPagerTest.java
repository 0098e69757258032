package ai.mastra.client;

import static ai.mastra.client.ConversationsContractTest.recorded;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.ConversationItem;
import ai.mastra.client.model.ListOrder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The items page and its auto-pager: safe on Mastra's answers, lazy, and never looping. */
class ItemsPagerTest {
  private static final String PATH = "/api/v1/conversations/c1/items";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private MastraClient client;

  @BeforeEach
  void setUp() {
    client = new MastraClient.Builder(name -> null).baseUrl(wm.baseUrl()).maxRetries(0).build();
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  static String page(boolean hasMore, String... ids) {
    List<String> items = new ArrayList<>();
    for (String id : ids) {
      items.add("{\"id\":\"" + id + "\",\"type\":\"message\",\"role\":\"user\",\"content\":[]}");
    }
    String first = ids.length == 0 ? "null" : "\"" + ids[0] + "\"";
    String last = ids.length == 0 ? "null" : "\"" + ids[ids.length - 1] + "\"";
    return "{\"object\":\"list\",\"data\":[" + String.join(",", items) + "],\"first_id\":" + first
        + ",\"last_id\":" + last + ",\"has_more\":" + hasMore + "}";
  }

  private void threePages() {
    wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("after", absent()).willReturn(okJson(page(true, "i1", "i2"))));
    wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("after", equalTo("i2")).willReturn(okJson(page(true, "i3", "i4"))));
    wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("after", equalTo("i4")).willReturn(okJson(page(false, "i5"))));
  }

  private static List<String> ids(Iterable<ConversationItem> items) {
    List<String> ids = new ArrayList<>();
    items.forEach(item -> ids.add(item.getId()));
    return ids;
  }

  @Test
  void mastrasWholeThreadWithALastIdButNoMoreIsOnePageAndOneRequest() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/conversations/9308b28b-e928-4082-809a-8f154243ce2e/items"))
        .willReturn(recorded("21")));

    ConversationItemsPage page = client.conversations().items().list("9308b28b-e928-4082-809a-8f154243ce2e");

    assertThat(page.lastId()).isPresent();
    assertThat(page.hasNextPage()).isFalse();
    assertThat(page.autoPager().stream().count()).isEqualTo(4);
    assertThatThrownBy(page::nextPage).isInstanceOf(NoSuchElementException.class);
    wm.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/conversations/9308b28b-e928-4082-809a-8f154243ce2e/items")));
  }

  @Test
  void threePagesGiveEveryItemOnceInOrder() {
    threePages();

    ConversationItemsPage first = client.conversations().items().list("c1");

    assertThat(ids(first.autoPager())).containsExactly("i1", "i2", "i3", "i4", "i5");
    assertThat(first.autoPager().stream().map(ConversationItem::getId).collect(Collectors.toList()))
        .containsExactly("i1", "i2", "i3", "i4", "i5");
    wm.verify(5, getRequestedFor(urlPathEqualTo(PATH))); // 1 first page + 2 per full walk
  }

  @Test
  void pagesAreFetchedOnlyWhenIterationReachesThem() {
    threePages();

    ConversationItemsPage first = client.conversations().items().list("c1");
    Iterator<ConversationItem> items = first.autoPager().iterator();
    items.next();
    items.next();
    wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));

    assertThat(items.next().getId()).isEqualTo("i3");
    wm.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void theNextPageRepeatsTheCallersParamsWithAfter() {
    threePages();
    RequestOptions options = RequestOptions.of(RequestContext.builder().set("tenant", "acme").build());

    ConversationItemsPage first = client.conversations().items()
        .list("c1", ItemListParams.builder().limit(2).order(ListOrder.ASC).build(), options);
    ConversationItemsPage second = first.nextPage();

    assertThat(ids(second.data())).containsExactly("i3", "i4");
    assertThat(second.params().after()).contains("i2");
    wm.verify(getRequestedFor(urlPathEqualTo(PATH))
        .withQueryParam("after", equalTo("i2"))
        .withQueryParam("limit", equalTo("2"))
        .withQueryParam("order", equalTo("asc"))
        .withQueryParam("requestContext", equalTo("eyJ0ZW5hbnQiOiJhY21lIn0=")));
  }

  @Test
  void aStuckCursorThrowsInsteadOfLoopingOrRepeating() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(page(true, "i1", "i2"))));

    ConversationItemsPage first = client.conversations().items().list("c1");
    Iterator<ConversationItem> items = first.autoPager().iterator();
    assertThat(items.next().getId()).isEqualTo("i1");
    assertThat(items.next().getId()).isEqualTo("i2");

    assertThatThrownBy(items::hasNext)
        .isInstanceOf(MastraInvalidResponseException.class)
        .hasMessageContaining("same last_id i2");
    wm.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void anEmptyPageThatClaimsMoreEndsThePaging() {
    wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("after", absent()).willReturn(okJson(page(true, "i1"))));
    wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("after", equalTo("i1")).willReturn(okJson(page(true))));

    ConversationItemsPage first = client.conversations().items().list("c1");

    assertThat(ids(first.autoPager())).containsExactly("i1");
    wm.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void hasMoreWithoutALastIdHasNoNextPage() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(
        "{\"object\":\"list\",\"data\":[{\"id\":\"i1\",\"type\":\"message\"}],\"first_id\":\"i1\",\"last_id\":null,\"has_more\":true}")));

    ConversationItemsPage page = client.conversations().items().list("c1");

    assertThat(page.hasNextPage()).isFalse();
    assertThat(ids(page.autoPager())).containsExactly("i1");
    wm.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
  }

  @Test
  void zeroPagesOfItems() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(page(false))));
    assertThat(client.conversations().items().list("c1").autoPager()).isEmpty();
  }
}
