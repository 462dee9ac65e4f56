/** A registry of models by id, loaded from files or the classpath and validated at registration. */
@NullMarked
package io.github.courtside.models.registry;

import org.jspecify.annotations.NullMarked;
