package io.github.courtside.core.coordination;

import io.github.courtside.core.ValueStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

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
@ValueStyle
@Value.Immutable
public abstract class DocumentQuery {
  DocumentQuery() {}

  /** Starts a query over the documents directly inside {@code collection}. */
  public static Builder in(String collection) {
    return new Builder().collection(DocumentPaths.requireCollectionPath(collection));
  }

  /** A builder starting from this query. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** The collection queried. */
  public abstract String collection();

  /** Only ids starting with this prefix match; empty matches every id. */
  @Value.Default
  public String idPrefix() {
    return "";
  }

  /** The field to order by; empty orders by document id. */
  public abstract Optional<String> orderByField();

  /** Whether the ordering is descending. */
  @Value.Default
  public boolean descending() {
    return false;
  }

  /** The maximum number of documents returned, if limited. */
  public abstract OptionalInt limit();

  @Value.Check
  void check() {
    DocumentPaths.requireCollectionPath(collection());
    if (idPrefix().contains("/")) {
      throw new IllegalArgumentException("an id prefix cannot contain '/': " + idPrefix());
    }
    if (limit().isPresent() && limit().getAsInt() < 0) {
      throw new IllegalArgumentException("limit must be >= 0, was " + limit().getAsInt());
    }
  }

  /**
   * Orders {@code documents} as this query does (by its field, leaving out documents without it,
   * then by id; or by id alone) and applies its limit: for stores that sort in memory what they
   * cannot sort natively.
   */
  public List<Document> sortAndLimit(Collection<Document> documents) {
    List<Document> sorted = new ArrayList<>(documents);
    Comparator<Document> order = Comparator.comparing(Document::id);
    Optional<String> orderBy = orderByField();
    if (orderBy.isPresent()) {
      String field = orderBy.get();
      sorted.removeIf(document -> !document.fields().containsKey(field));
      order =
          Comparator.<Document, Object>comparing(
                  document -> document.fields().get(field), FieldValues.ORDER)
              .thenComparing(Document::id);
    }
    sorted.sort(descending() ? order.reversed() : order);
    int max = limit().orElse(Integer.MAX_VALUE);
    return List.copyOf(sorted.size() > max ? sorted.subList(0, max) : sorted);
  }

  @Override
  public String toString() {
    return "DocumentQuery[in "
        + collection()
        + (idPrefix().isEmpty() ? "" : ", id prefix '" + idPrefix() + "'")
        + ", order by "
        + orderByField().orElse("id")
        + (descending() ? " desc" : " asc")
        + (limit().isPresent() ? ", limit " + limit().getAsInt() : "")
        + "]";
  }

  /** Builds a {@link DocumentQuery}; {@link #build()} checks the values. */
  public static final class Builder extends ImmutableDocumentQuery.Builder {
    Builder() {}

    /** Ascending by document id (the default). */
    public Builder orderById() {
      return orderByField(Optional.empty()).descending(false);
    }

    /** Descending by document id. */
    public Builder orderByIdDescending() {
      return orderByField(Optional.empty()).descending(true);
    }

    /** Ordered by a field; documents without it are left out. */
    public Builder orderBy(String field, boolean descending) {
      return orderByField(Objects.requireNonNull(field, "field")).descending(descending);
    }
  }
}
