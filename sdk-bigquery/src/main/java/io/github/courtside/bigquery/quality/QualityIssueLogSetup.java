package io.github.courtside.bigquery.quality;

import io.github.courtside.core.ComponentStyle;
import io.github.courtside.core.batch.BatchSink;
import io.github.courtside.core.batch.BatchWriterConfig;
import io.github.courtside.core.batch.BatchWriterSetup;
import io.github.courtside.core.batch.DeadLetterSink;
import io.github.courtside.core.batch.ErrorClassifier;
import io.github.courtside.core.batch.WriteModePolicy;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.immutables.value.Value;

/**
 * What a {@link QualityIssueLog} is made of: the sink its rows go to, where the issues that cannot
 * be written go (required: {@link #deadLetters()} or {@link #deadLetterFolder()}, checked as {@link
 * BatchWriterSetup} checks them; {@link QualityIssueLog#withLoggedDeadLetters} is the old choice of
 * logging them), and the writer's settings. Immutable; the builder is generated ({@link
 * ComponentStyle}) and {@link Builder#build()} makes the log.
 */
@ComponentStyle
@Value.Immutable
public abstract class QualityIssueLogSetup {
  QualityIssueLogSetup() {}

  /** A builder; {@link Builder#sink} and a dead-letter choice are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Where the issue rows go, e.g. a {@code StorageWriteSink} (required). */
  public abstract BatchSink sink();

  /** The writer settings (default {@link QualityIssueLog#DEFAULT_CONFIG}). */
  @Value.Default
  public BatchWriterConfig config() {
    return QualityIssueLog.DEFAULT_CONFIG;
  }

  /** The tables' write modes; a streaming sink needs its table declared APPEND_ONLY. */
  @Value.Default
  public WriteModePolicy writeModes() {
    return WriteModePolicy.loadOnly();
  }

  /** Which request failures are retried (default {@link ErrorClassifier#defaults()}). */
  @Value.Default
  public ErrorClassifier errorClassifier() {
    return ErrorClassifier.defaults();
  }

  /** Where issues go that cannot be written, chosen by the caller. */
  public abstract Optional<DeadLetterSink> deadLetters();

  /** Keeps issues that cannot be written in replayable NDJSON files in this folder. */
  public abstract Optional<Path> deadLetterFolder();

  /** Where issue ids come from (default random UUIDs); each must be unique. */
  @Value.Default
  public Supplier<String> issueIds() {
    return () -> UUID.randomUUID().toString();
  }

  /**
   * Further writer settings, applied last, e.g. {@code w -> w.meterRegistry(registry)} or a
   * scheduler and clock. The row ids stay the issue ids.
   */
  @Value.Default
  public Consumer<BatchWriterSetup.Builder> writerOptions() {
    return options -> {};
  }

  /** Also drains the log when the JVM shuts down normally (Cloud Run's SIGTERM). Default false. */
  @Value.Default
  public boolean closeOnShutdown() {
    return false;
  }

  /** Leaves the sink open on {@link QualityIssueLog#close()} (default false: it is closed). */
  @Value.Default
  public boolean keepSinkOpen() {
    return false;
  }

  /**
   * Builds a {@link QualityIssueLogSetup} ({@link #buildSetup()}) or directly the {@link
   * QualityIssueLog} ({@link #build()}).
   */
  public static final class Builder extends ImmutableQualityIssueLogSetup.Builder {
    Builder() {}

    /** The log; throws when a streaming sink's table is not declared APPEND_ONLY. */
    public QualityIssueLog build() {
      return QualityIssueLog.create(buildSetup());
    }
  }
}
