package io.github.courtside.bigquery.local.internal.storage;

import com.google.api.services.bigquery.model.JobConfigurationLoad;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How a load job reads CSV, from the fields of {@code configuration.load} with BigQuery's defaults.
 *
 * <pre>{@code
 * CsvOptions options = CsvOptions.of(job.getConfiguration().getLoad());
 * }</pre>
 *
 * @param fieldDelimiter the separator ({@code ,} by default; {@code \t} or {@code tab} for tabs)
 * @param skipLeadingRows how many records at the top are headers
 * @param quote the quote character, or empty for no quoting ({@code "} by default)
 * @param allowQuotedNewlines whether quoted values may span lines
 * @param allowJaggedRows whether missing trailing columns read as NULL
 * @param ignoreUnknownValues whether extra trailing columns are dropped instead of reported
 * @param nullMarker the text that reads as NULL (empty by default)
 * @param encoding UTF-8 (default) or ISO-8859-1
 */
public record CsvOptions(
    String fieldDelimiter,
    long skipLeadingRows,
    String quote,
    boolean allowQuotedNewlines,
    boolean allowJaggedRows,
    boolean ignoreUnknownValues,
    String nullMarker,
    Charset encoding) {

  /** BigQuery's defaults. */
  public static final CsvOptions DEFAULTS =
      new CsvOptions(",", 0, "\"", false, false, false, "", StandardCharsets.UTF_8);

  public CsvOptions {
    if (fieldDelimiter.equalsIgnoreCase("tab") || fieldDelimiter.equals("\\t")) {
      fieldDelimiter = "\t";
    }
    if (fieldDelimiter.length() != 1) {
      throw ApiException.invalid(
          "not supported by the local server: field delimiter " + fieldDelimiter);
    }
    if (quote.length() > 1) {
      throw ApiException.invalid("Invalid quote character " + quote);
    }
    if (skipLeadingRows < 0) {
      throw ApiException.invalid("skipLeadingRows must not be negative");
    }
  }

  /** The options of a load configuration. */
  public static CsvOptions of(JobConfigurationLoad load) {
    String encoding =
        load.getEncoding() == null ? "UTF-8" : load.getEncoding().toUpperCase(Locale.ROOT);
    Charset charset =
        switch (encoding) {
          case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
          case "ISO-8859-1", "ISO_8859_1", "LATIN1" -> StandardCharsets.ISO_8859_1;
          default ->
              throw ApiException.invalid("not supported by the local server: encoding " + encoding);
        };
    return new CsvOptions(
        load.getFieldDelimiter() == null ? "," : load.getFieldDelimiter(),
        load.getSkipLeadingRows() == null ? 0 : load.getSkipLeadingRows(),
        load.getQuote() == null ? "\"" : load.getQuote(),
        Boolean.TRUE.equals(load.getAllowQuotedNewlines()),
        Boolean.TRUE.equals(load.getAllowJaggedRows()),
        Boolean.TRUE.equals(load.getIgnoreUnknownValues()),
        load.getNullMarker() == null ? "" : load.getNullMarker(),
        charset);
  }
}
