package io.github.courtside.bigquery.local.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.client.json.GenericJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The discovery document is complete: every reference resolves, schemas match the model classes.
 */
class DiscoveryDocumentTest {
  private final DiscoveryDocument discovery = DiscoveryDocument.load();

  @Test
  void describesEveryServedMethodWithBigQuerysPathsAndParameters() {
    assertEquals(
        List.of(
            "datasets.delete",
            "datasets.get",
            "datasets.insert",
            "datasets.list",
            "datasets.patch",
            "datasets.update",
            "jobs.cancel",
            "jobs.delete",
            "jobs.get",
            "jobs.getQueryResults",
            "jobs.insert",
            "jobs.list",
            "jobs.query",
            "projects.list",
            "tabledata.insertAll",
            "tabledata.list",
            "tables.delete",
            "tables.get",
            "tables.insert",
            "tables.list",
            "tables.patch",
            "tables.update"),
        discovery.methodIds());
    Map<String, Object> results = discovery.method("jobs.getQueryResults");
    assertEquals("GET", results.get("httpMethod"));
    assertEquals("projects/{+projectId}/queries/{+jobId}", results.get("path"));
    assertTrue(
        ((Map<?, ?>) results.get("parameters"))
            .keySet()
            .containsAll(
                List.of("maxResults", "pageToken", "startIndex", "timeoutMs", "location")));
    Map<?, ?> upload = (Map<?, ?>) discovery.method("jobs.insert").get("mediaUpload");
    assertTrue(
        upload.toString().contains("/upload/bigquery/v2/projects/{+projectId}/jobs"), "" + upload);
  }

  @Test
  void everyReferenceResolvesToAGeneratedSchema() {
    GenericJson doc = discovery.forBaseUrl("http://127.0.0.1:1");
    List<String> refs = new ArrayList<>();
    collectRefs(doc, refs);
    assertTrue(refs.size() > 100, "refs: " + refs.size());
    for (String ref : refs) {
      assertTrue(discovery.schemas().containsKey(ref), "unresolved $ref " + ref);
    }
  }

  @Test
  void schemasDescribeTheModelClassesFields() {
    Map<?, ?> table = properties("Table");
    assertEquals(Map.of("$ref", "TimePartitioning"), table.get("timePartitioning"));
    assertEquals(Map.of("type", "string", "format", "int64"), table.get("numRows"));
    assertEquals(Map.of("$ref", "TableSchema"), table.get("schema"));
    Map<?, ?> field = properties("TableFieldSchema");
    assertEquals(
        Map.of("type", "array", "items", Map.of("$ref", "TableFieldSchema")), field.get("fields"));
    Map<?, ?> rows = (Map<?, ?>) properties("TableDataInsertAllRequest").get("rows");
    assertEquals(Map.of("$ref", "TableDataInsertAllRequest.Rows"), rows.get("items"));
    assertEquals(Map.of("type", "boolean"), properties("QueryRequest").get("useLegacySql"));
    assertEquals(
        Map.of("type", "integer", "format", "int32"),
        properties("JobConfigurationQuery").get("maximumBillingTier"));
  }

  private Map<?, ?> properties(String schema) {
    return (Map<?, ?>) ((Map<?, ?>) discovery.schemas().get(schema)).get("properties");
  }

  private static void collectRefs(Object node, List<String> out) {
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> {
            if ("$ref".equals(key)) {
              out.add((String) value);
            } else {
              collectRefs(value, out);
            }
          });
    } else if (node instanceof List<?> list) {
      list.forEach(element -> collectRefs(element, out));
    }
  }
}
