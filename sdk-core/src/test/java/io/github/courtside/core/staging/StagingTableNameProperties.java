package io.github.courtside.core.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import io.github.courtside.core.warehouse.TableId;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StagingTableNameProperties {
  private static final TableId MAIN = TableId.of("nba_predictions", "player_prop_predictions");

  @Test
  void H8_idsThatTheOldSanitiserMappedAlikeGetDifferentTables() {
    assertNotEquals(
        StagingTableName.of(MAIN, "a-b", "w").tableId(),
        StagingTableName.of(MAIN, "a_b", "w").tableId());
    assertNotEquals(
        StagingTableName.of(MAIN, "A", "w").tableId().table().toLowerCase(Locale.ROOT),
        StagingTableName.of(MAIN, "a", "w").tableId().table().toLowerCase(Locale.ROOT),
        "distinct even where identifiers ignore case");
    assertFalse(
        StagingTableName.of(MAIN, "1769796743_1", "w")
            .tableId()
            .table()
            .startsWith(StagingTableName.batchPrefix(MAIN, "1769796743")));
  }

  /** Valid Unicode text (no lone surrogates), punctuation and case included. */
  private static org.quicktheories.core.Gen<String> ids() {
    return strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(1, 12);
  }

  @Test
  void namesRoundTripAndABatchPrefixMatchesOnlyItsOwnTables() {
    qt().forAll(ids(), ids(), ids())
        .checkAssert(
            (batch, otherBatch, writer) -> {
              StagingTableName name = StagingTableName.of(MAIN, batch, writer);
              TableId table = name.tableId();
              assertEquals(Optional.of(name), StagingTableName.parse(table));
              assertTrue(table.table().startsWith(StagingTableName.batchPrefix(MAIN, batch)));
              assertTrue(table.table().startsWith(StagingTableName.tablePrefix(MAIN)));
              if (!batch.equals(otherBatch)) {
                assertFalse(
                    table
                        .table()
                        .toLowerCase(Locale.ROOT)
                        .startsWith(StagingTableName.batchPrefix(MAIN, otherBatch)),
                    batch + " vs " + otherBatch);
              }
            });
  }

  @Test
  void foreignTableNamesDoNotParse() {
    assertEquals(Optional.empty(), StagingTableName.parse(MAIN));
    assertEquals(Optional.empty(), StagingTableName.parse(MAIN.sibling("_staging_batch_1_w")));
  }
}
