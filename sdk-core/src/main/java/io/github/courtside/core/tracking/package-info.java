/**
 * Per-section error tracking for multi-part parses and jobs: {@link
 * io.github.courtside.core.tracking.SectionErrorTracker} counts errors (caught exceptions, lost
 * data) and soft issues (an expected element not found) per named section, marks a section
 * incomplete once its errors reach a threshold, and reports an immutable {@link
 * io.github.courtside.core.tracking.TrackingSummary}.
 */
@NullMarked
package io.github.courtside.core.tracking;

import org.jspecify.annotations.NullMarked;
