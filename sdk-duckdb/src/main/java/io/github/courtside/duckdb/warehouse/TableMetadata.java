package io.github.courtside.duckdb.warehouse;

import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.TableSchema;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What DuckDB's catalog cannot hold about a table (creation time, partition column, clustering,
 * typed defaults), kept in the table's comment as {@code courtside:v1} followed by {@code
 * key=value} lines with URL-encoded values.
 */
record TableMetadata(
    @Nullable Instant createdAt,
    @Nullable String partitionColumn,
    List<String> clustering,
    Map<String, String> defaults) {
  private static final String MAGIC = "courtside:v1";

  static TableMetadata of(TableSchema schema, Instant createdAt) {
    Map<String, String> defaults = new LinkedHashMap<>();
    for (Column column : schema.columns()) {
      column.defaultValue().ifPresent(value -> defaults.put(column.name(), String.valueOf(value)));
    }
    return new TableMetadata(
        createdAt, schema.partitionColumn().orElse(null), schema.clustering(), defaults);
  }

  String encode() {
    StringBuilder text = new StringBuilder(MAGIC);
    if (createdAt != null) {
      text.append("\ncreated=").append(createdAt);
    }
    if (partitionColumn != null) {
      text.append("\npartition=").append(partitionColumn);
    }
    if (!clustering.isEmpty()) {
      text.append("\ncluster=").append(String.join(",", clustering));
    }
    defaults.forEach(
        (column, value) ->
            text.append("\ndefault.")
                .append(column)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return text.toString();
  }

  static Optional<TableMetadata> decode(@Nullable String comment) {
    if (comment == null || !comment.startsWith(MAGIC)) {
      return Optional.empty();
    }
    Instant created = null;
    String partition = null;
    List<String> clustering = List.of();
    Map<String, String> defaults = new LinkedHashMap<>();
    for (String line : comment.split("\n", -1)) {
      int eq = line.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = line.substring(0, eq);
      String value = line.substring(eq + 1);
      if (key.equals("created")) {
        created = Instant.parse(value);
      } else if (key.equals("partition")) {
        partition = value;
      } else if (key.equals("cluster")) {
        clustering = List.of(value.split(",", -1));
      } else if (key.startsWith("default.")) {
        defaults.put(
            key.substring("default.".length()), URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    return Optional.of(new TableMetadata(created, partition, clustering, defaults));
  }

  static Object parseDefault(String text, ColumnType type) {
    return switch (type) {
      case STRING, JSON -> text;
      case INT64 -> Long.parseLong(text);
      case FLOAT64 -> Double.parseDouble(text);
      case NUMERIC -> new BigDecimal(text);
      case BOOL -> Boolean.parseBoolean(text);
      case DATE -> LocalDate.parse(text);
      case TIMESTAMP -> Instant.parse(text);
    };
  }
}
