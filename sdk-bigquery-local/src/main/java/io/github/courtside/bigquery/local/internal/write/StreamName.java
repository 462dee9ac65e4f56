package io.github.courtside.bigquery.local.internal.write;

import com.google.api.services.bigquery.model.TableReference;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resource name of a write stream, {@code projects/p/datasets/d/tables/t/streams/id}; the
 * stream id {@code _default} names the table's default stream.
 */
record StreamName(String project, String dataset, String table, String streamId) {
  static final String DEFAULT_STREAM_ID = "_default";

  private static final Pattern TABLE =
      Pattern.compile("projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)");
  private static final Pattern STREAM =
      Pattern.compile("projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)/streams/([^/]+)");

  /** The short form of the default stream's name that {@code JsonStreamWriter} sends. */
  private static final Pattern SHORT_DEFAULT =
      Pattern.compile("projects/([^/]+)/datasets/([^/]+)/tables/([^/]+)/_default");

  /**
   * The stream named {@code name} ({@code .../tables/t/_default} names the default stream too), or
   * empty when the name does not have a stream's shape.
   */
  static Optional<StreamName> parse(String name) {
    Matcher m = STREAM.matcher(name);
    if (m.matches()) {
      return Optional.of(new StreamName(m.group(1), m.group(2), m.group(3), m.group(4)));
    }
    Matcher shortDefault = SHORT_DEFAULT.matcher(name);
    if (shortDefault.matches()) {
      return Optional.of(
          new StreamName(
              shortDefault.group(1),
              shortDefault.group(2),
              shortDefault.group(3),
              DEFAULT_STREAM_ID));
    }
    return Optional.empty();
  }

  /** The table {@code projects/p/datasets/d/tables/t}, or empty for any other shape. */
  static Optional<TableReference> parseTable(String parent) {
    Matcher m = TABLE.matcher(parent);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(
        new TableReference()
            .setProjectId(m.group(1))
            .setDatasetId(m.group(2))
            .setTableId(m.group(3)));
  }

  static StreamName of(TableReference table, String streamId) {
    return new StreamName(table.getProjectId(), table.getDatasetId(), table.getTableId(), streamId);
  }

  static String tablePath(TableReference table) {
    return "projects/"
        + table.getProjectId()
        + "/datasets/"
        + table.getDatasetId()
        + "/tables/"
        + table.getTableId();
  }

  boolean isDefault() {
    return streamId.equals(DEFAULT_STREAM_ID);
  }

  TableReference tableReference() {
    return new TableReference().setProjectId(project).setDatasetId(dataset).setTableId(table);
  }

  String tablePath() {
    return tablePath(tableReference());
  }

  @Override
  public String toString() {
    return tablePath() + "/streams/" + streamId;
  }
}
