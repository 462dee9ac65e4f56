/**
 * Planning the MERGE of staging tables into a main table: {@link
 * io.github.courtside.core.merge.MergePlanner} reconciles schemas and builds a {@link
 * io.github.courtside.core.merge.MergePlan}, which renders itself in any {@link
 * io.github.courtside.core.warehouse.SqlDialect}.
 */
@NullMarked
package io.github.courtside.core.merge;

import org.jspecify.annotations.NullMarked;
