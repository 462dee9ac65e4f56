/** What the parts of the local server share; not API. */
@NullMarked
package io.github.courtside.bigquery.local.internal;

import org.jspecify.annotations.NullMarked;
