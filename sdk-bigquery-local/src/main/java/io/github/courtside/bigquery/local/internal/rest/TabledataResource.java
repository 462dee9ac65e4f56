package io.github.courtside.bigquery.local.internal.rest;

import com.google.api.services.bigquery.model.ErrorProto;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableDataInsertAllRequest;
import com.google.api.services.bigquery.model.TableDataInsertAllResponse;
import com.google.api.services.bigquery.model.TableDataList;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import io.github.courtside.bigquery.local.Fault;
import io.github.courtside.bigquery.local.internal.ApiException;
import io.github.courtside.bigquery.local.internal.storage.DecodedRow;
import io.github.courtside.bigquery.local.internal.storage.FieldError;
import io.github.courtside.bigquery.local.internal.storage.JsonRowCodec;
import io.github.courtside.bigquery.local.internal.storage.LocalStorage;
import io.github.courtside.bigquery.local.internal.storage.RowPage;
import io.github.courtside.bigquery.local.internal.storage.TableAppend;
import io.github.courtside.bigquery.local.internal.storage.TableRowCodec;
import io.github.courtside.bigquery.local.internal.storage.TableRowCodec.TimestampOutput;
import io.github.courtside.bigquery.local.internal.storage.WriteOrigin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code tabledata.insertAll} and {@code tabledata.list}. */
final class TabledataResource {
  private static final Logger LOG = LoggerFactory.getLogger(TabledataResource.class);
  static final int MAX_PAGE_ROWS = 100_000;

  private final LocalStorage storage;
  private final InsertIdWindow insertIds;

  TabledataResource(LocalStorage storage, InsertIdWindow insertIds) {
    this.storage = storage;
    this.insertIds = insertIds;
  }

  List<Route> routes() {
    String one = "projects/{projectId}/datasets/{datasetId}/tables/{tableId}";
    return List.of(
        Route.of("POST", one + "/insertAll", "tabledata.insertAll", this::insertAll),
        Route.of("GET", one + "/data", "tabledata.list", this::list));
  }

  private RestResponse insertAll(RestRequest request) {
    TableReference ref = TablesResource.ref(request);
    TableDataInsertAllRequest body = request.body(TableDataInsertAllRequest.class);
    if (body.getTemplateSuffix() != null && !body.getTemplateSuffix().isEmpty()) {
      throw ApiException.notSupported("templateSuffix (insertAll into template tables)");
    }
    Table table =
        storage.table(Decorators.base(ref)).orElseThrow(() -> TablesResource.notFound(ref));
    List<TableFieldSchema> fields =
        table.getSchema() == null || table.getSchema().getFields() == null
            ? List.of()
            : table.getSchema().getFields();
    List<TableDataInsertAllRequest.Rows> rows = body.getRows() == null ? List.of() : body.getRows();
    boolean skipInvalid = Boolean.TRUE.equals(body.getSkipInvalidRows());
    boolean ignoreUnknown = Boolean.TRUE.equals(body.getIgnoreUnknownValues());
    Map<Integer, String> injected =
        request
            .fault()
            .filter(f -> f instanceof Fault.RowErrors)
            .map(f -> ((Fault.RowErrors) f).reasonsByRowIndex())
            .orElse(Map.of());

    Map<Integer, List<ErrorProto>> invalid = new TreeMap<>();
    List<Map<String, @Nullable Object>> decoded = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      TableDataInsertAllRequest.Rows row = rows.get(i);
      decoded.add(null);
      String reason = injected.get(i);
      if (reason != null) {
        invalid.put(
            i,
            List.of(
                new ErrorProto()
                    .setReason(reason)
                    .setMessage("Row rejected (injected fault)")
                    .setLocation("")));
        continue;
      }
      DecodedRow result =
          JsonRowCodec.decode(
              i, row.getJson() == null ? Map.of() : row.getJson(), fields, ignoreUnknown);
      if (result.ok()) {
        decoded.set(i, result.row());
      } else {
        invalid.put(i, errors(result));
      }
    }

    TableDataInsertAllResponse response =
        new TableDataInsertAllResponse().setKind("bigquery#tableDataInsertAllResponse");
    List<TableDataInsertAllResponse.InsertErrors> errors = new ArrayList<>();
    if (!invalid.isEmpty() && !skipInvalid) {
      for (int i = 0; i < rows.size(); i++) {
        List<ErrorProto> error = invalid.get(i);
        errors.add(
            new TableDataInsertAllResponse.InsertErrors()
                .setIndex((long) i)
                .setErrors(
                    error != null
                        ? error
                        : List.of(
                            new ErrorProto().setReason("stopped").setMessage("").setLocation(""))));
      }
      response.setInsertErrors(errors);
      return RestResponse.json(response);
    }
    String key = Decorators.key(ref);
    synchronized (insertIds) {
      List<Map<String, @Nullable Object>> accepted = new ArrayList<>();
      Set<String> ids = new LinkedHashSet<>();
      for (int i = 0; i < rows.size(); i++) {
        if (invalid.containsKey(i)) {
          continue;
        }
        String insertId = rows.get(i).getInsertId();
        if (insertId != null && !insertId.isEmpty()) {
          if (ids.contains(insertId) || insertIds.seen(key, insertId)) {
            continue;
          }
          ids.add(insertId);
        }
        accepted.add(decoded.get(i));
      }
      if (!accepted.isEmpty()) {
        storage.append(
            List.of(TableAppend.of(ref, "WRITE_APPEND", WriteOrigin.STREAMING_INSERT, accepted)));
      }
      ids.forEach(id -> insertIds.remember(key, id));
      LOG.debug(
          "insertAll {}: {} rows written, {} duplicates, {} invalid",
          key,
          accepted.size(),
          rows.size() - accepted.size() - invalid.size(),
          invalid.size());
    }
    invalid.forEach(
        (i, error) ->
            errors.add(
                new TableDataInsertAllResponse.InsertErrors().setIndex((long) i).setErrors(error)));
    if (!errors.isEmpty()) {
      response.setInsertErrors(errors);
    }
    return RestResponse.json(response);
  }

  private RestResponse list(RestRequest request) {
    TableReference ref = TablesResource.ref(request);
    long start = PageToken.offset(request.param("pageToken"), startIndex(request));
    long max = maxResults(request);
    List<String> selected = selectedFields(request);
    if (storage.table(Decorators.base(ref)).isEmpty()) {
      throw TablesResource.notFound(ref);
    }
    RowPage page = storage.read(ref, start, max, selected.isEmpty() ? null : selected);
    TimestampOutput timestamps = timestamps(request);
    TableDataList out =
        new TableDataList().setKind("bigquery#tableDataList").setTotalRows(page.totalRows());
    List<TableFieldSchema> fields =
        page.schema().getFields() == null ? List.of() : page.schema().getFields();
    if (!page.rows().isEmpty()) {
      out.setRows(TableRowCodec.toTableRows(page.rows(), fields, timestamps));
    }
    out.setPageToken(PageToken.next(start, page.rows().size(), page.totalRows()));
    return RestResponse.json(out);
  }

  /** A row's problems as insertAll reports them: one error per bad value. */
  private static List<ErrorProto> errors(DecodedRow row) {
    List<ErrorProto> out = new ArrayList<>(row.errors().size());
    for (FieldError e : row.errors()) {
      out.add(
          new ErrorProto().setReason(e.reason()).setLocation(e.location()).setMessage(e.message()));
    }
    return out;
  }

  static long startIndex(RestRequest request) {
    Long start = request.longParam("startIndex");
    if (start != null && start < 0) {
      throw ApiException.invalid("Invalid value for startIndex: " + start);
    }
    return start == null ? 0 : start;
  }

  static long maxResults(RestRequest request) {
    Long max = request.longParam("maxResults");
    return max == null || max < 0 ? MAX_PAGE_ROWS : Math.min(max, MAX_PAGE_ROWS);
  }

  static List<String> selectedFields(RestRequest request) {
    Set<String> out = new LinkedHashSet<>();
    for (String field : request.params("selectedFields")) {
      int dot = field.indexOf('.');
      out.add(dot < 0 ? field : field.substring(0, dot));
    }
    return List.copyOf(out);
  }

  static TimestampOutput timestamps(RestRequest request) {
    return TimestampOutput.of(
        request.flag("formatOptions.useInt64Timestamp", false),
        request.param("formatOptions.timestampOutputFormat"));
  }
}
