package io.github.courtside.core.coordination;

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
