package io.github.courtside.duckdb.warehouse;

import io.github.courtside.core.ComponentStyle;
import io.github.courtside.duckdb.DuckDbDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a {@link DuckDbWarehouse} is opened on: a file, an open database, or (neither) a private
 * in-memory database, and its clock. Immutable; the builder is generated ({@link ComponentStyle})
 * and {@link Builder#build()} opens the warehouse.
 *
 * <pre>{@code
 * DuckDbWarehouse warehouse = DuckDbWarehouse.builder()   // = DuckDbWarehouseSetup.builder()
 *     .file(Path.of("courtside.duckdb"))
 *     .build();
 * }</pre>
 */
@ComponentStyle
@Value.Immutable
public abstract class DuckDbWarehouseSetup {
  DuckDbWarehouseSetup() {}

  /** A builder; in memory with the system UTC clock unless told otherwise. */
  public static Builder builder() {
    return new Builder();
  }

  /** Keep the data in this file (created when absent); the warehouse closes it. */
  public abstract Optional<Path> file();

  /** Use an open database; the warehouse will not close it. */
  public abstract Optional<DuckDbDatabase> database();

  /** The clock that stamps table creation times (default system UTC). */
  @Value.Default
  public Clock clock() {
    return Clock.systemUTC();
  }

  @Value.Check
  void check() {
    if (file().isPresent() && database().isPresent()) {
      throw new IllegalArgumentException(
          "DuckDB warehouse has both file " + file().get() + " and an open database: choose one");
    }
  }

  /**
   * Builds a {@link DuckDbWarehouseSetup} ({@link #buildSetup()}) or directly opens the {@link
   * DuckDbWarehouse} ({@link #build()}).
   */
  public static final class Builder extends ImmutableDuckDbWarehouseSetup.Builder {
    Builder() {}

    /** Opens the warehouse. */
    public DuckDbWarehouse build() {
      return DuckDbWarehouse.create(buildSetup());
    }
  }
}
