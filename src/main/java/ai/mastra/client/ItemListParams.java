package ai.mastra.client;

import ai.mastra.client.model.ListOrder;
import java.util.Optional;

/**
 * The query of a conversation items page: {@code after} (a cursor), {@code limit} and {@code order}, OpenAI's
 * shape. Immutable. Mastra itself ignores all three and answers the whole thread; they matter for servers that
 * honour them. The next page repeats these params with {@code after} set to the page's last id.
 */
public final class ItemListParams {
  private static final ItemListParams NONE = new Builder().build();

  private final String after;
  private final Integer limit;
  private final ListOrder order;

  private ItemListParams(Builder builder) {
    this.after = builder.after;
    this.limit = builder.limit;
    this.order = builder.order;
  }

  /** Returns params that send no query parameter (the server's defaults). */
  public static ItemListParams none() {
    return NONE;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts with these params. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.after = after;
    builder.limit = limit;
    builder.order = order;
    return builder;
  }

  /** Returns the cursor: items after the item with this id. */
  public Optional<String> after() {
    return Optional.ofNullable(after);
  }

  /** Returns the largest number of items per page. */
  public Optional<Integer> limit() {
    return Optional.ofNullable(limit);
  }

  /** Returns the order of the items. */
  public Optional<ListOrder> order() {
    return Optional.ofNullable(order);
  }

  @Override
  public String toString() {
    return "ItemListParams{after=" + after + ", limit=" + limit + ", order=" + order + "}";
  }

  /** Builds {@link ItemListParams}. Not thread-safe. */
  public static final class Builder {
    private String after;
    private Integer limit;
    private ListOrder order;

    private Builder() {}

    /**
     * Sets the cursor.
     *
     * @param after an item id, not blank
     * @return this builder
     * @throws IllegalArgumentException if {@code after} is null or blank
     */
    public Builder after(String after) {
      this.after = Checks.notBlank(after, "after");
      return this;
    }

    /**
     * Sets the page size.
     *
     * @param limit at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    public Builder limit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be at least 1, got " + limit);
      }
      this.limit = limit;
      return this;
    }

    /**
     * Sets the order.
     *
     * @param order {@link ListOrder#ASC} or {@link ListOrder#DESC}
     * @return this builder
     * @throws IllegalArgumentException if {@code order} is null or not a known order
     */
    public Builder order(ListOrder order) {
      Checks.notNull(order, "order");
      if (!order.isKnown()) {
        throw new IllegalArgumentException("order must be ASC or DESC");
      }
      this.order = order;
      return this;
    }

    /** Returns the params. */
    public ItemListParams build() {
      return new ItemListParams(this);
    }
  }
}
