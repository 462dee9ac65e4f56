package io.github.courtside.core.batch;

import io.github.courtside.core.warehouse.Row;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A durable {@link DeadLetterSink}: appends each dead letter as one line of JSON (table, row id,
 * sequence, attempts, time, reason and the row) to a {@code .ndjson} file of its own in a folder,
 * forcing it to disk before {@link #accept} returns; {@link #replay} feeds the rows of earlier
 * files back through a writer. Row values are kept as text, whole numbers, decimals, booleans and
 * null; other values (timestamps, dates, numerics) come back as their text.
 *
 * <pre>{@code
 * NdjsonDeadLetterSink spill = NdjsonDeadLetterSink.inFolder(Path.of("/var/courtside/dead-letters"));
 * BatchWriter writer = BatchWriter.builder(sink).deadLetters(spill).build();
 * // after a restart, once the sink is up again:
 * NdjsonDeadLetterSink.Replay replay = spill.replay(writer);
 * }</pre>
 */
public final class NdjsonDeadLetterSink implements DeadLetterSink {
  static final String SUFFIX = ".ndjson";
  static final String REPLAYED_SUFFIX = ".replayed";
  static final String AMBIGUOUS = "ambiguous";

  private final Path folder;
  private final Path file;
  private final Clock clock;

  private NdjsonDeadLetterSink(Path folder, Clock clock) {
    this.folder = folder;
    this.clock = clock;
    this.file = folder.resolve("dead-letters-" + UUID.randomUUID() + SUFFIX);
  }

  /** A sink writing into {@code folder} (created if missing), one new file per sink. */
  public static NdjsonDeadLetterSink inFolder(Path folder) {
    Objects.requireNonNull(folder, "folder");
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create dead-letter folder " + folder, e);
    }
    return new NdjsonDeadLetterSink(folder, Clock.systemUTC());
  }

  /** The file this sink appends to (created with the first dead letter). */
  public Path file() {
    return file;
  }

  @Override
  public synchronized void accept(DeadLetter letter) {
    Map<String, @Nullable Object> line = new LinkedHashMap<>();
    line.put("table", letter.table().qualifiedName());
    line.put("rowId", letter.record().id());
    line.put("sequence", letter.record().sequence());
    line.put("attempts", (long) letter.attempts());
    line.put("at", letter.at().toString());
    line.put("reason", letter.reason());
    if (letter.cause().orElse(null) instanceof AmbiguousWriteException ambiguous) {
      OptionalLong offset = ambiguous.offsetOf(letter.record().id());
      if (offset.isPresent()) {
        line.put("outcome", AMBIGUOUS);
        line.put("stream", ambiguous.stream());
        line.put("offset", offset.getAsLong());
      }
    }
    StringBuilder json = new StringBuilder();
    NdjsonLines.writeObject(json, line, letter.record().row().asMap());
    json.append('\n');
    append(json.toString(), "dead letter for row " + letter.record().id());
  }

  private void append(String lines, String what) {
    try (FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer bytes = ByteBuffer.wrap(lines.getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append " + what + " to " + file, e);
    }
  }

  /**
   * Feeds the rows of every dead-letter file in the folder (except this sink's own) through {@code
   * writer}, flushes it, and only then renames each file to {@code .replayed}. A last line without
   * its newline (a torn write) or a line that does not parse is skipped and reported. Rows the
   * writer dead-letters again go to the writer's own dead-letter sink. Rows marked {@code
   * "outcome":"ambiguous"} (their append may have landed) are not replayed but kept, copied into
   * this sink's own file: see {@link #replay(BatchWriter, LandedCheck)}.
   */
  public Replay replay(BatchWriter writer) {
    return replay(writer, LandedCheck.UNKNOWN);
  }

  /**
   * As {@link #replay(BatchWriter)}, but asks {@code landed} about each row marked ambiguous: a row
   * that landed is not replayed (it is in the table already; replaying it would double it), a row
   * that did not land is replayed, and a row it cannot tell about is kept, copied into this sink's
   * own file for a later replay.
   */
  public Replay replay(BatchWriter writer, LandedCheck landed) {
    Objects.requireNonNull(landed, "landed");
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files =
          listing
              .filter(path -> path.getFileName().toString().endsWith(SUFFIX))
              .filter(path -> !path.equals(file))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list dead-letter folder " + folder, e);
    }
    long rows = 0;
    long ambiguousLanded = 0;
    long ambiguousKept = 0;
    StringBuilder kept = new StringBuilder();
    List<String> skipped = new ArrayList<>();
    for (Path path : files) {
      String text;
      try {
        text = Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read dead-letter file " + path, e);
      }
      int start = 0;
      int lineNo = 0;
      while (start < text.length()) {
        int end = text.indexOf('\n', start);
        lineNo++;
        if (end < 0) {
          skipped.add(path.getFileName() + ":" + lineNo + " (torn last line, no newline)");
          break;
        }
        String json = text.substring(start, end);
        start = end + 1;
        if (json.isBlank()) {
          continue;
        }
        Map<String, @Nullable Object> fields;
        Map<String, @Nullable Object> row;
        try {
          fields = NdjsonLines.fieldsOf(json);
          row = NdjsonLines.rowOf(json);
        } catch (IllegalArgumentException e) {
          skipped.add(path.getFileName() + ":" + lineNo + " (" + e.getMessage() + ")");
          continue;
        }
        if (AMBIGUOUS.equals(fields.get("outcome"))) {
          Optional<Boolean> didLand = landed(landed, fields);
          if (didLand.isEmpty()) {
            kept.append(json).append('\n');
            ambiguousKept++;
            continue;
          }
          if (didLand.get()) {
            ambiguousLanded++;
            continue;
          }
        }
        writer.add(Row.of(row));
        rows++;
      }
    }
    writer.flush().join();
    if (kept.length() > 0) {
      append(kept.toString(), ambiguousKept + " undecided ambiguous dead letter(s)");
    }
    for (Path path : files) {
      try {
        Files.move(path, path.resolveSibling(path.getFileName() + REPLAYED_SUFFIX));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot mark dead-letter file " + path + " replayed", e);
      }
    }
    return new Replay(
        files, rows, skipped, ambiguousLanded, ambiguousKept, clock.instant().toString());
  }

  private static Optional<Boolean> landed(LandedCheck check, Map<String, @Nullable Object> fields) {
    if (!(fields.get("stream") instanceof String stream)
        || !(fields.get("offset") instanceof Number offset)) {
      return Optional.empty();
    }
    try {
      return check.landed(stream, offset.longValue());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * What {@link #replay} did.
   *
   * @param files the files replayed (now renamed {@code .replayed})
   * @param rows rows handed to the writer
   * @param skipped lines not replayed, as {@code file:line (why)}
   * @param ambiguousLanded rows marked ambiguous that had landed, so were not replayed
   * @param ambiguousKept rows marked ambiguous that could not be told about, kept in this sink's
   *     own file
   * @param at when the replay finished
   */
  public record Replay(
      List<Path> files,
      long rows,
      List<String> skipped,
      long ambiguousLanded,
      long ambiguousKept,
      String at) {
    public Replay {
      files = List.copyOf(files);
      skipped = List.copyOf(skipped);
    }
  }
}
