package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.services.bigquery.model.TableReference;
import io.github.courtside.bigquery.local.internal.ApiException;
import io.github.courtside.bigquery.local.internal.storage.TableAppend;
import io.github.courtside.bigquery.local.internal.storage.WriteOrigin;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@link TableAppend}s for a destination that may carry a partition decorator. */
final class Appends {
  private Appends() {}

  static TableAppend of(
      TableReference destination,
      String disposition,
      WriteOrigin origin,
      List<Map<String, @Nullable Object>> rows) {
    TableReference base = Decorators.base(destination);
    @Nullable LocalDate partition = null;
    if (Decorators.decorated(destination)) {
      String decorator = destination.getTableId().substring(base.getTableId().length() + 1);
      if (decorator.length() != 8) {
        throw ApiException.notSupported(
            "partition decorator $" + decorator + " (only daily $YYYYMMDD decorators)");
      }
      try {
        partition = LocalDate.parse(decorator, DateTimeFormatter.BASIC_ISO_DATE);
      } catch (DateTimeParseException e) {
        throw ApiException.invalid("Invalid partition decorator: " + destination.getTableId());
      }
    }
    return new TableAppend(base, partition, disposition, origin, rows);
  }
}
