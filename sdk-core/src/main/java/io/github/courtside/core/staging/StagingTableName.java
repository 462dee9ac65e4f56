package io.github.courtside.core.staging;

import io.github.courtside.core.warehouse.TableId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The name of one writer's staging table for one batch, in the main table's dataset.
 *
 * <p>Names are collision-free (hazard H-8, fixed): the old platform replaced {@code -} by {@code
 * _}, so batches {@code a-b} and {@code a_b} shared a prefix. Here every character other than a
 * lower-case ASCII letter or digit is escaped as {@code _} plus its two-digit hex UTF-8 bytes, and
 * the parts are joined by {@code __}, which an escaped part never contains. Different (table,
 * batch, writer) triples therefore always give different names, also on engines that ignore the
 * case of identifiers, and a batch's prefix never matches another batch's tables.
 *
 * <pre>{@code
 * StagingTableName name = StagingTableName.of(main, "batch_2024-04-10_1712", "worker-7");
 * TableId staging = name.tableId();   // nba._staging_...
 * warehouse.listTables(main.dataset(), StagingTableName.batchPrefix(main, "batch_2024-04-10_1712"));
 * }</pre>
 *
 * @param mainTable the table the rows are consolidated into
 * @param batchId the batch
 * @param writerId the writer within the batch
 */
public record StagingTableName(TableId mainTable, String batchId, String writerId) {
  /** Every staging table name starts with this. */
  public static final String PREFIX = "_staging_";

  private static final String SEPARATOR = "__";

  public StagingTableName {
    Objects.requireNonNull(mainTable, "mainTable");
    requireNonBlank("batchId", batchId);
    requireNonBlank("writerId", writerId);
  }

  /** The name for this writer of this batch. */
  public static StagingTableName of(TableId mainTable, String batchId, String writerId) {
    return new StagingTableName(mainTable, batchId, writerId);
  }

  /** The staging table. */
  public TableId tableId() {
    return mainTable.sibling(batchPrefix(mainTable, batchId) + encode(writerId));
  }

  /** The prefix shared by exactly the staging tables of this batch for this main table. */
  public static String batchPrefix(TableId mainTable, String batchId) {
    return PREFIX + encode(mainTable.table()) + SEPARATOR + encode(batchId) + SEPARATOR;
  }

  /** The prefix shared by all staging tables of this main table. */
  public static String tablePrefix(TableId mainTable) {
    return PREFIX + encode(mainTable.table()) + SEPARATOR;
  }

  /** Reads a staging table id back into its parts; empty when it is not a staging table name. */
  public static Optional<StagingTableName> parse(TableId staging) {
    String name = staging.table();
    if (!name.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] parts = name.substring(PREFIX.length()).split(SEPARATOR, -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      TableId main = staging.sibling(decode(parts[0]));
      StagingTableName parsed = new StagingTableName(main, decode(parts[1]), decode(parts[2]));
      return parsed.tableId().equals(staging) ? Optional.of(parsed) : Optional.empty();
    } catch (IllegalArgumentException notOurs) {
      return Optional.empty();
    }
  }

  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
      } else {
        out.append('_')
            .append(Character.forDigit((b >> 4) & 0xf, 16))
            .append(Character.forDigit(b & 0xf, 16));
      }
    }
    return out.toString();
  }

  static String decode(String encoded) {
    byte[] bytes = new byte[encoded.length()];
    int n = 0;
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '_') {
        if (i + 2 >= encoded.length()) {
          throw new IllegalArgumentException("truncated escape in " + encoded);
        }
        int high = Character.digit(encoded.charAt(i + 1), 16);
        int low = Character.digit(encoded.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException("bad escape in " + encoded);
        }
        bytes[n++] = (byte) ((high << 4) | low);
        i += 2;
      } else {
        bytes[n++] = (byte) c;
      }
    }
    return new String(bytes, 0, n, StandardCharsets.UTF_8);
  }

  private static void requireNonBlank(String what, String value) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
  }
}
