package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.services.bigquery.model.ErrorProto;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a load job read from its data: the good rows (canonical values), one error per bad record,
 * and how many bytes the good rows took in the input.
 */
record LoadedRows(
    List<Map<String, @Nullable Object>> rows, List<ErrorProto> badRecords, long goodBytes) {
  LoadedRows {
    rows = List.copyOf(rows);
    badRecords = List.copyOf(badRecords);
  }
}
