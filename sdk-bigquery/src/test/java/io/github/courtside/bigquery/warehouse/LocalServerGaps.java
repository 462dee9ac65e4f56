package io.github.courtside.bigquery.warehouse;

import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables, by name and with the reason, the tests that fail because of a known defect of the local
 * BigQuery server (not of the adapter). Remove an entry once the server is fixed; the test then
 * runs again.
 */
final class LocalServerGaps implements ExecutionCondition {
  private static final String UPLOAD =
      "local server: the final PUT of the resumable upload of this load (WRITE_TRUNCATE into"
          + " table$YYYYMMDD of a table with defaults and clustering) gets an answer the client cannot"
          + " read (HttpResponseException, status 0), which hides the server's load error; simpler"
          + " tables load through the same path";

  private static final Map<String, String> GAPS = Map.of();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return context
        .getTestMethod()
        .map(method -> GAPS.get(method.getName()))
        .map(ConditionEvaluationResult::disabled)
        .orElse(ConditionEvaluationResult.enabled("no known local-server gap"));
  }
}
