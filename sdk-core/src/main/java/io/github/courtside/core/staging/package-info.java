/**
 * Worker-side staging writes: {@link io.github.courtside.core.staging.StagingWriter} loads a
 * writer's rows of one batch into its own staging table, named by {@link
 * io.github.courtside.core.staging.StagingTableName}, for a later consolidation.
 */
@NullMarked
package io.github.courtside.core.staging;

import org.jspecify.annotations.NullMarked;
