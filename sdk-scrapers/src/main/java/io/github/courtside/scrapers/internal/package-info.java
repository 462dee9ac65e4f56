/** Implementation details shared by the scrapers' packages; not part of the API. */
@NullMarked
package io.github.courtside.scrapers.internal;

import org.jspecify.annotations.NullMarked;
