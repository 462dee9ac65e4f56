/**
 * Consolidation of a batch's staging tables into a main table: the journaled {@link
 * io.github.courtside.core.consolidation.Consolidator} state machine and the {@link
 * io.github.courtside.core.consolidation.OrphanStagingReaper}.
 */
@NullMarked
package io.github.courtside.core.consolidation;

import org.jspecify.annotations.NullMarked;
