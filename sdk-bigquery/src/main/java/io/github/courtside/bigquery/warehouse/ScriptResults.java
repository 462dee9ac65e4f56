package io.github.courtside.bigquery.warehouse;

import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryException;
import com.google.cloud.bigquery.Job;
import com.google.cloud.bigquery.JobStatistics;
import io.github.courtside.core.warehouse.DmlResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-statement counts of a script job. BigQuery runs each statement of a script as a child job
 * with its own {@code dmlStats}; they are listed with {@code jobs.list?parentJobId=}. When a server
 * lists no children, the script's own counts are split by statement kind where that is unambiguous
 * (one statement, or at most one INSERT, one UPDATE and one DELETE); otherwise the first statement
 * carries the transaction's totals (logged as a warning).
 */
final class ScriptResults {
  private static final Logger log = LoggerFactory.getLogger(ScriptResults.class);
  private static final Set<String> CONTROL =
      Set.of("BEGIN_TRANSACTION", "COMMIT_TRANSACTION", "ROLLBACK_TRANSACTION", "ASSERT", "SCRIPT");

  private enum Kind {
    INSERT,
    UPDATE,
    DELETE,
    OTHER
  }

  private final BigQuery bigquery;

  ScriptResults(BigQuery bigquery) {
    this.bigquery = bigquery;
  }

  List<DmlResult> perStatement(Job script, List<String> statements) {
    String parent = Objects.requireNonNull(script.getJobId().getJob());
    List<Job> children = children(parent);
    if (children.size() == statements.size()) {
      return children.stream().map(BigQueryWarehouse::dmlResult).toList();
    }
    DmlResult total = BigQueryWarehouse.dmlResult(script);
    if (statements.size() == 1) {
      return List.of(total);
    }
    Map<Kind, Integer> byKind = new EnumMap<>(Kind.class);
    List<Kind> kinds = new ArrayList<>();
    for (String statement : statements) {
      Kind kind = kind(statement);
      kinds.add(kind);
      byKind.merge(kind, 1, Integer::sum);
    }
    boolean unambiguous =
        byKind.getOrDefault(Kind.OTHER, 0) == 0
            && byKind.values().stream().allMatch(count -> count == 1);
    List<DmlResult> results = new ArrayList<>();
    if (unambiguous) {
      for (Kind kind : kinds) {
        results.add(
            switch (kind) {
              case INSERT -> DmlResult.inserted(total.inserted());
              case UPDATE -> DmlResult.updated(total.updated());
              case DELETE -> DmlResult.deleted(total.deleted());
              case OTHER -> DmlResult.NONE;
            });
      }
      return results;
    }
    log.warn(
        "job {} lists no child jobs; its {} statements share the totals {}",
        parent,
        statements.size(),
        total);
    results.add(total);
    for (int i = 1; i < statements.size(); i++) {
      results.add(DmlResult.NONE);
    }
    return results;
  }

  private List<Job> children(String parent) {
    List<Job> children = new ArrayList<>();
    try {
      for (Job job : bigquery.listJobs(BigQuery.JobListOption.parentJobId(parent)).iterateAll()) {
        JobStatistics statistics = job.getStatistics();
        if (statistics == null || !parent.equals(statistics.getParentJobId())) {
          continue;
        }
        if (statistics instanceof JobStatistics.QueryStatistics query
            && query.getStatementType() != null
            && CONTROL.contains(query.getStatementType().name())) {
          continue;
        }
        children.add(job);
      }
    } catch (BigQueryException e) {
      log.debug("cannot list the child jobs of {}: {}", parent, e.getMessage());
      return List.of();
    }
    children.sort(
        Comparator.comparing(
                (Job job) -> {
                  Long created = job.getStatistics().getCreationTime();
                  return created == null ? Long.MAX_VALUE : created;
                })
            .thenComparing(job -> String.valueOf(job.getJobId().getJob())));
    return children;
  }

  private static Kind kind(String statement) {
    String text = statement.stripLeading().toUpperCase(Locale.ROOT);
    for (Kind kind : List.of(Kind.INSERT, Kind.UPDATE, Kind.DELETE)) {
      if (text.startsWith(kind.name())) {
        return kind;
      }
    }
    return Kind.OTHER;
  }
}
