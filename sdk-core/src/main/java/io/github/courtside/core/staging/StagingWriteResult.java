package io.github.courtside.core.staging;

import io.github.courtside.core.warehouse.TableId;
import java.util.Objects;

/**
 * What one {@link StagingWriter#write} call did.
 *
 * <pre>{@code
 * StagingWriteResult result = writer.write(rows);
 * log.info("{} rows staged in {}", result.rowsWritten(), result.stagingTable());
 * }</pre>
 *
 * @param stagingTable the staging table written to
 * @param rowsWritten rows the load wrote (all of them: loads are all-or-nothing)
 */
public record StagingWriteResult(TableId stagingTable, long rowsWritten) {
  public StagingWriteResult {
    Objects.requireNonNull(stagingTable, "stagingTable");
  }
}
