package io.github.courtside.bigquery.sink;

import com.google.cloud.bigquery.storage.v1.BigQueryWriteClient;
import com.google.cloud.bigquery.storage.v1.BigQueryWriteSettings;
import com.google.cloud.bigquery.storage.v1.StreamWriter;
import io.github.courtside.core.ComponentStyle;
import io.github.courtside.core.batch.WriteModePolicy;
import io.github.courtside.core.warehouse.TableId;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a {@link StorageWriteSink} is made of: a client (given, or created from settings and then
 * owned by the sink), the table and the delivery guarantee. Immutable; the builder is generated
 * ({@link ComponentStyle}) and {@link Builder#build()} makes the sink.
 *
 * <pre>{@code
 * StorageWriteSink sink = StorageWriteSink.builder(writeSettings) // = StorageWriteSinkSetup.builder().settings(s)
 *     .project("nba-props").table(issues).guarantee(DeliveryGuarantee.EXACTLY_ONCE)
 *     .writeModes(modes).build();
 * }</pre>
 */
@ComponentStyle
@Value.Immutable
public abstract class StorageWriteSinkSetup {
  StorageWriteSinkSetup() {}

  /**
   * A builder; give {@link Builder#settings} or {@link Builder#client}, and {@link Builder#table}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings of a client the sink creates and closes on {@link StorageWriteSink#close()}. */
  public abstract Optional<BigQueryWriteSettings> settings();

  /** A client the sink uses and does not close. */
  public abstract Optional<BigQueryWriteClient> client();

  /** The Google Cloud project of the table, when its {@link TableId} names none. */
  public abstract Optional<String> project();

  /** The table (required). */
  public abstract TableId table();

  /** At-least-once on {@code _default} (the default) or exactly-once on a COMMITTED stream. */
  @Value.Default
  public DeliveryGuarantee guarantee() {
    return DeliveryGuarantee.AT_LEAST_ONCE;
  }

  /**
   * The tables' write modes; the table must be declared {@code APPEND_ONLY} (default {@link
   * WriteModePolicy#loadOnly()}, which refuses every table).
   */
  @Value.Default
  public WriteModePolicy writeModes() {
    return WriteModePolicy.loadOnly();
  }

  /**
   * The most estimated bytes of rows in one {@code AppendRows} request (default 9,000,000, at most
   * 90 % of {@link StreamWriter#getApiMaxRequestBytes()}, the 10 MB the API takes). A request the
   * client still finds too large is split.
   */
  @Value.Default
  public long maxRequestBytes() {
    return Math.min(9_000_000, StreamWriter.getApiMaxRequestBytes() * 9 / 10);
  }

  /** How long to wait for one append's response (default 1 minute). */
  @Value.Default
  public Duration appendTimeout() {
    return Duration.ofMinutes(1);
  }

  /** The table's project: the {@link TableId}'s, else {@link #project()}. */
  @Value.Derived
  @Value.Auxiliary
  String tableProject() {
    return table()
        .project()
        .or(this::project)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "the project of "
                        + table()
                        + " is required: name it in the TableId or with project()"));
  }

  @Value.Check
  void check() {
    if (settings().isPresent() == client().isPresent()) {
      throw new IllegalArgumentException(
          "the Storage Write sink for " + table() + " needs exactly one of settings or client");
    }
    long limit = StreamWriter.getApiMaxRequestBytes();
    if (maxRequestBytes() < 1 || maxRequestBytes() > limit) {
      throw new IllegalArgumentException(
          "maxRequestBytes of the Storage Write sink for "
              + table()
              + " must be in [1, "
              + limit
              + "], was "
              + maxRequestBytes());
    }
    if (appendTimeout().isNegative() || appendTimeout().isZero()) {
      throw new IllegalArgumentException(
          "appendTimeout of the Storage Write sink for "
              + table()
              + " must be positive, was "
              + appendTimeout());
    }
  }

  /**
   * Builds a {@link StorageWriteSinkSetup} ({@link #buildSetup()}) or directly the {@link
   * StorageWriteSink} ({@link #build()}).
   */
  public static final class Builder extends ImmutableStorageWriteSinkSetup.Builder {
    Builder() {}

    /**
     * The sink. Throws {@link StreamingIntoMutableTableException} when the table is not declared
     * APPEND_ONLY; opens no stream yet (the first write does).
     */
    public StorageWriteSink build() {
      return StorageWriteSink.create(buildSetup());
    }
  }
}
