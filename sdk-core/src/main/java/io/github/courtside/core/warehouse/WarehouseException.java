package io.github.courtside.core.warehouse;

import io.github.courtside.core.CourtsideException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A warehouse operation failed; carries the table it concerned when there is one.
 *
 * <pre>{@code
 * try {
 *   warehouse.append(table, rows);
 * } catch (WarehouseException e) {
 *   log.error("append to {} failed", e.table().orElse(null), e);
 * }
 * }</pre>
 */
public class WarehouseException extends CourtsideException {
  private static final long serialVersionUID = 1L;

  private final transient @Nullable TableId table;

  public WarehouseException(@Nullable TableId table, String message) {
    super(message);
    this.table = table;
  }

  public WarehouseException(@Nullable TableId table, String message, Throwable cause) {
    super(message, cause);
    this.table = table;
  }

  /** The table concerned, if any. */
  public Optional<TableId> table() {
    return Optional.ofNullable(table);
  }
}
