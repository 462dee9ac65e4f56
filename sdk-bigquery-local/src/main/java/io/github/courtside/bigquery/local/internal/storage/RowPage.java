package io.github.courtside.bigquery.local.internal.storage;

import com.google.api.services.bigquery.model.TableSchema;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A page of a table's rows, in table order, as canonical cell values (see {@link LocalStorage}).
 *
 * @param schema the schema of the rows (only the selected fields, in table order)
 * @param rows the rows of the page
 * @param totalRows how many rows the whole table has
 */
public record RowPage(
    TableSchema schema, List<Map<String, @Nullable Object>> rows, long totalRows) {}
