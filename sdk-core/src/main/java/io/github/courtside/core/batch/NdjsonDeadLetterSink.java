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
    StringBuilder json = new StringBuilder();
    NdjsonLines.writeObject(json, line, letter.record().row().asMap());
    json.append('\n');
    try (FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer bytes = ByteBuffer.wrap(json.toString().getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot append dead letter for row " + letter.record().id() + " to " + file, e);
    }
  }

  /**
   * Feeds the rows of every dead-letter file in the folder (except this sink's own) through {@code
   * writer}, flushes it, and only then renames each file to {@code .replayed}. A last line without
   * its newline (a torn write) or a line that does not parse is skipped and reported. Rows the
   * writer dead-letters again go to the writer's own dead-letter sink.
   */
  public Replay replay(BatchWriter writer) {
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
        Map<String, @Nullable Object> row;
        try {
          row = NdjsonLines.rowOf(json);
        } catch (IllegalArgumentException e) {
          skipped.add(path.getFileName() + ":" + lineNo + " (" + e.getMessage() + ")");
          continue;
        }
        writer.add(Row.of(row));
        rows++;
      }
    }
    writer.flush().join();
    for (Path path : files) {
      try {
        Files.move(path, path.resolveSibling(path.getFileName() + REPLAYED_SUFFIX));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot mark dead-letter file " + path + " replayed", e);
      }
    }
    return new Replay(files, rows, skipped, clock.instant().toString());
  }

  /**
   * What {@link #replay} did.
   *
   * @param files the files replayed (now renamed {@code .replayed})
   * @param rows rows handed to the writer
   * @param skipped lines not replayed, as {@code file:line (why)}
   * @param at when the replay finished
   */
  public record Replay(List<Path> files, long rows, List<String> skipped, String at) {
    public Replay {
      files = List.copyOf(files);
      skipped = List.copyOf(skipped);
    }
  }
}
