package io.github.courtside.bigquery.local.internal.sql;

import com.google.api.services.bigquery.model.DatasetReference;
import com.google.api.services.bigquery.model.QueryParameter;
import com.google.api.services.bigquery.model.TableReference;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One query job's SQL.
 *
 * @param sql the GoogleSQL text: one statement or a script
 * @param project the job's project, for unqualified {@code dataset.table} names
 * @param defaultDataset the dataset for unqualified table names, or null
 * @param parameters the query parameters as the REST API sends them (named, or positional when they
 *     carry no names); values are typed by their {@code parameterType}
 * @param resultTable where the rows of the script's last SELECT go (the runner creates it)
 */
public record ScriptRequest(
    String sql,
    String project,
    @Nullable DatasetReference defaultDataset,
    List<QueryParameter> parameters,
    TableReference resultTable) {
  public ScriptRequest {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(resultTable, "resultTable");
    parameters = List.copyOf(parameters);
  }
}
