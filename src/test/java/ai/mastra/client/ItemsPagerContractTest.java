package ai.mastra.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.mastra.client.model.OutputItem;
import ai.mastra.client.model.ListOrder;
import ai.mastra.client.testing.Capture;
import ai.mastra.client.testing.Wire;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The items page and its auto-pager: one request on Mastra's single-page answers, lazy page after page on a
 * server that pages, and never a loop on a server whose cursor does not move.
 */
class ItemsPagerContractTest extends WireMockClientTest {

  private static final String PATH = "/api/v1/conversations/c1/items";


  /** An items page in Mastra's shape, of user messages with these ids. */
  private static String page(boolean hasMore, String lastId, String... ids) {
    List<String> items = new ArrayList<>();
    for (String id : ids) {
      items.add("{\"id\":\"" + id + "\",\"type\":\"message\",\"role\":\"user\",\"status\":\"completed\","
          + "\"content\":[{\"type\":\"input_text\",\"text\":\"" + id + "\"}]}");
    }
    String first = ids.length == 0 ? "null" : "\"" + ids[0] + "\"";
    String last = lastId == null ? "null" : "\"" + lastId + "\"";
    return "{\"object\":\"list\",\"data\":[" + String.join(",", items) + "],\"first_id\":" + first
        + ",\"last_id\":" + last + ",\"has_more\":" + hasMore + "}";
  }

  /**
   * Three pages as a WireMock scenario: each answer moves the scenario on, and each page after the first is
   * answered only for the cursor of the page before it.
   */
  private void threePages() {
    wm.stubFor(get(urlPathEqualTo(PATH)).inScenario("pages").whenScenarioStateIs(Scenario.STARTED)
        .withQueryParam("after", absent())
        .willReturn(okJson(page(true, "i2", "i1", "i2"))).willSetStateTo("second"));
    wm.stubFor(get(urlPathEqualTo(PATH)).inScenario("pages").whenScenarioStateIs("second")
        .withQueryParam("after", equalTo("i2"))
        .willReturn(okJson(page(true, "i4", "i3", "i4"))).willSetStateTo("third"));
    wm.stubFor(get(urlPathEqualTo(PATH)).inScenario("pages").whenScenarioStateIs("third")
        .withQueryParam("after", equalTo("i4"))
        .willReturn(okJson(page(false, "i5", "i5"))).willSetStateTo("done"));
  }

  private static List<String> ids(Iterable<OutputItem> items) {
    List<String> ids = new ArrayList<>();
    items.forEach(item -> ids.add(item.getId()));
    return ids;
  }

  private static int requests() {
    return wm.findAll(getRequestedFor(urlPathEqualTo(PATH))).size();
  }

  @Test
  void mastrasWholeThreadAnswerIsOnePageAndOneRequestDespiteItsLastId() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(Capture.load("21").answer()));

    ConversationItemsPage page = client.conversations().items().list("c1");

    assertThat(page.lastId()).contains("msg_495babd0-fc2a-4caa-b8eb-ac91b9872252");
    assertThat(page.hasMore()).isFalse();
    assertThat(page.hasNextPage()).isFalse();
    assertThat(page.autoPager().stream().count()).isEqualTo(4);
    assertThatThrownBy(page::nextPage).isInstanceOf(NoSuchElementException.class);
    assertThat(requests()).isEqualTo(1);
  }

  @Test
  void threePagesGiveEveryItemInOrderWithOneRequestPerPage() {
    threePages();

    List<String> all = ids(client.conversations().items().list("c1").autoPager());

    assertThat(all).containsExactly("i1", "i2", "i3", "i4", "i5");
    assertThat(requests()).isEqualTo(3);
  }

  @Test
  void theAutoPagerStreamGivesTheSameItems() {
    threePages();

    List<String> all = client.conversations().items().list("c1").autoPager().stream()
        .map(OutputItem::getId).collect(Collectors.toList());

    assertThat(all).containsExactly("i1", "i2", "i3", "i4", "i5");
  }

  @Test
  void aPageIsFetchedOnlyWhenIterationReachesIt() {
    threePages();

    ConversationItemsPage first = client.conversations().items().list("c1");
    assertThat(requests()).isEqualTo(1);
    Iterator<OutputItem> items = first.autoPager().iterator();
    assertThat(items.next().getId()).isEqualTo("i1");
    assertThat(items.next().getId()).isEqualTo("i2");
    assertThat(requests()).isEqualTo(1);

    assertThat(items.next().getId()).isEqualTo("i3");
    assertThat(requests()).isEqualTo(2);
  }

  @Test
  void aLimitedStreamFetchesNoPageItDoesNotNeed() {
    threePages();

    List<String> firstTwo = client.conversations().items().list("c1").autoPager().stream().limit(2)
        .map(OutputItem::getId).collect(Collectors.toList());

    assertThat(firstTwo).containsExactly("i1", "i2");
    assertThat(requests()).isEqualTo(1);
  }

  @Test
  void nextPagesCarryTheCallersParamsAndContextWithAfterSetToTheLastId() {
    threePages();
    RequestOptions options = RequestOptions.builder()
        .requestContext(RequestContext.builder().set("tenant", "acme").build()).header("X-Trace", "t").build();

    ids(client.conversations().items()
        .list("c1", ItemListParams.builder().limit(2).order(ListOrder.ASC).build(), options).autoPager());

    List<LoggedRequest> sent = Wire.requests(wm);
    assertThat(sent).extracting(LoggedRequest::getUrl).containsExactly(
        PATH + "?requestContext=eyJ0ZW5hbnQiOiJhY21lIn0%3D&limit=2&order=asc",
        PATH + "?requestContext=eyJ0ZW5hbnQiOiJhY21lIn0%3D&after=i2&limit=2&order=asc",
        PATH + "?requestContext=eyJ0ZW5hbnQiOiJhY21lIn0%3D&after=i4&limit=2&order=asc");
    assertThat(sent).extracting(request -> request.getHeader("X-Trace")).containsOnly("t");
  }

  @Test
  void theOptionsOnlyOverloadsBlockingAndAsyncPageWithTheCallersContext() throws Exception {
    RequestOptions options = RequestOptions.builder()
        .requestContext(RequestContext.builder().set("tenant", "acme").build()).build();
    threePages();
    assertThat(ids(client.conversations().items().list("c1", options).autoPager()))
        .containsExactly("i1", "i2", "i3", "i4", "i5");
    wm.resetAll();
    threePages();
    ConversationItemsPage first = client.async().conversations().items().list("c1", options)
        .get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(ids(first.autoPager())).containsExactly("i1", "i2", "i3", "i4", "i5");
    assertThat(Wire.requests(wm)).extracting(LoggedRequest::getUrl).containsExactly(
        PATH + "?requestContext=eyJ0ZW5hbnQiOiJhY21lIn0%3D",
        PATH + "?requestContext=eyJ0ZW5hbnQiOiJhY21lIn0%3D&after=i2",
        PATH + "?requestContext=eyJ0ZW5hbnQiOiJhY21lIn0%3D&after=i4");
  }

  @Test
  void nextPageReplacesTheCallersAfter() {
    wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("after", equalTo("start"))
        .willReturn(okJson(page(true, "i2", "i1", "i2"))));
    wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("after", equalTo("i2"))
        .willReturn(okJson(page(false, "i4", "i3", "i4"))));

    ConversationItemsPage first = client.conversations().items()
        .list("c1", ItemListParams.builder().after("start").build());
    ConversationItemsPage second = first.nextPage();

    assertThat(second.params().after()).contains("i2");
    assertThat(ids(second.data())).containsExactly("i3", "i4");
    assertThat(Wire.requests(wm).get(1).getUrl()).isEqualTo(PATH + "?after=i2");
  }

  @Test
  void aStuckCursorIsAnInvalidResponseNotALoop() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(page(true, "i2", "i1", "i2"))));

    Iterator<OutputItem> items = client.conversations().items().list("c1").autoPager().iterator();
    assertThat(items.next().getId()).isEqualTo("i1");
    assertThat(items.next().getId()).isEqualTo("i2");

    assertThatThrownBy(items::hasNext)
        .isInstanceOf(MastraInvalidResponseException.class)
        .hasMessageContaining("i2");
    assertThat(requests()).isEqualTo(2);
  }

  @Test
  void anEmptyPageThatClaimsMoreEndsThePaging() {
    wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("after", absent())
        .willReturn(okJson(page(true, "i1", "i1"))));
    wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("after", equalTo("i1"))
        .willReturn(okJson(page(true, null))));

    assertThat(ids(client.conversations().items().list("c1").autoPager())).containsExactly("i1");
    assertThat(requests()).isEqualTo(2);
  }

  @Test
  void anEmptyPageThatClaimsMoreAndRepeatsACursorEndsThePagingToo() {
    wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("after", absent())
        .willReturn(okJson(page(true, "i1", "i1"))));
    wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("after", equalTo("i1"))
        .willReturn(okJson(page(true, "i9"))));

    ConversationItemsPage first = client.conversations().items().list("c1");

    assertThat(ids(first.autoPager())).containsExactly("i1");
    assertThat(first.nextPage().hasNextPage()).isFalse();
  }

  @Test
  void hasMoreWithoutALastIdHasNoNextPage() {
    wm.stubFor(get(urlPathEqualTo(PATH)).willReturn(okJson(page(true, null, "i1"))));

    ConversationItemsPage page = client.conversations().items().list("c1");

    assertThat(page.hasNextPage()).isFalse();
    assertThat(ids(page.autoPager())).containsExactly("i1");
    assertThat(requests()).isEqualTo(1);
  }

  @Test
  void eachIterationStartsAgainFromTheFirstPage() {
    wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("after", absent())
        .willReturn(okJson(page(true, "i1", "i1"))));
    wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("after", equalTo("i1"))
        .willReturn(okJson(page(false, "i2", "i2"))));
    ConversationItemsPage.AutoPager pager = client.conversations().items().list("c1").autoPager();

    assertThat(ids(pager)).containsExactly("i1", "i2");
    assertThat(ids(pager)).containsExactly("i1", "i2");
    assertThat(requests()).isEqualTo(3);
  }
}
