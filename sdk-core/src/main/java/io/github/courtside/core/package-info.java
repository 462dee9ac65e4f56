/**
 * Courtside core: domain types, ports and the algorithms written once on top of them.
 *
 * <p>This module depends on no cloud SDK, JDBC driver or native library; adapters in other modules
 * implement its ports.
 */
@NullMarked
package io.github.courtside.core;

import org.jspecify.annotations.NullMarked;
