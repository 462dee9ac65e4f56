package io.github.courtside.core.coordination;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A query over the documents directly inside one collection: an optional id prefix, an ordering (by
 * document id unless a field is named; documents without that field are left out, as in Firestore)
 * and an optional limit.
 *
 * <pre>{@code
 * DocumentQuery newest = DocumentQuery.in("locks/nightly/tokens")
 *     .orderByIdDescending()
 *     .limit(1)
 *     .build();
 * }</pre>
 */
public final class DocumentQuery {
  private final String collection;
  private final String idPrefix;
  private final @Nullable String orderByField;
  private final boolean descending;
  private final int limit;

  private DocumentQuery(Builder builder) {
    this.collection = builder.collection;
    this.idPrefix = builder.idPrefix;
    this.orderByField = builder.orderByField;
    this.descending = builder.descending;
    this.limit = builder.limit;
  }

  /** Starts a query over the documents directly inside {@code collection}. */
  public static Builder in(String collection) {
    return new Builder(DocumentPaths.requireCollectionPath(collection));
  }

  /** The collection queried. */
  public String collection() {
    return collection;
  }

  /** Only ids starting with this prefix match; empty matches every id. */
  public String idPrefix() {
    return idPrefix;
  }

  /** The field to order by; empty orders by document id. */
  public Optional<String> orderByField() {
    return Optional.ofNullable(orderByField);
  }

  /** Whether the ordering is descending. */
  public boolean descending() {
    return descending;
  }

  /** The maximum number of documents returned, if limited. */
  public OptionalInt limit() {
    return limit < 0 ? OptionalInt.empty() : OptionalInt.of(limit);
  }

  /**
   * Orders {@code documents} as this query does (by its field, leaving out documents without it,
   * then by id; or by id alone) and applies its limit: for stores that sort in memory what they
   * cannot sort natively.
   */
  public List<Document> sortAndLimit(Collection<Document> documents) {
    List<Document> sorted = new ArrayList<>(documents);
    Comparator<Document> order = Comparator.comparing(Document::id);
    String field = orderByField;
    if (field != null) {
      sorted.removeIf(document -> !document.fields().containsKey(field));
      order =
          Comparator.<Document, Object>comparing(
                  document -> document.fields().get(field), FieldValues.ORDER)
              .thenComparing(Document::id);
    }
    sorted.sort(descending ? order.reversed() : order);
    return List.copyOf(limit >= 0 && sorted.size() > limit ? sorted.subList(0, limit) : sorted);
  }

  @Override
  public String toString() {
    return "DocumentQuery[in "
        + collection
        + (idPrefix.isEmpty() ? "" : ", id prefix '" + idPrefix + "'")
        + ", order by "
        + (orderByField == null ? "id" : orderByField)
        + (descending ? " desc" : " asc")
        + (limit < 0 ? "" : ", limit " + limit)
        + "]";
  }

  /** Builds a {@link DocumentQuery}. */
  public static final class Builder {
    private final String collection;
    private String idPrefix = "";
    private @Nullable String orderByField;
    private boolean descending;
    private int limit = -1;

    private Builder(String collection) {
      this.collection = collection;
    }

    /** Only documents whose id starts with {@code prefix}. */
    public Builder idPrefix(String prefix) {
      if (prefix.contains("/")) {
        throw new IllegalArgumentException("an id prefix cannot contain '/': " + prefix);
      }
      this.idPrefix = prefix;
      return this;
    }

    /** Ascending by document id (the default). */
    public Builder orderById() {
      this.orderByField = null;
      this.descending = false;
      return this;
    }

    /** Descending by document id. */
    public Builder orderByIdDescending() {
      this.orderByField = null;
      this.descending = true;
      return this;
    }

    /** Ordered by a field; documents without it are left out. */
    public Builder orderBy(String field, boolean descending) {
      this.orderByField = Objects.requireNonNull(field, "field");
      this.descending = descending;
      return this;
    }

    /** At most {@code limit} documents. */
    public Builder limit(int limit) {
      if (limit < 0) {
        throw new IllegalArgumentException("limit must be >= 0, was " + limit);
      }
      this.limit = limit;
      return this;
    }

    /** The query. */
    public DocumentQuery build() {
      return new DocumentQuery(this);
    }
  }
}
