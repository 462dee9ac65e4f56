/**
 * Checking rows bound for a warehouse against the target {@link
 * io.github.courtside.core.warehouse.TableSchema} before they are sent: {@link
 * io.github.courtside.core.validation.RowValidator} coerces what a declared {@link
 * io.github.courtside.core.validation.Coercion} allows and rejects the rest with the table, column
 * and row index named (incidents I-9 and I-18 of the prediction-infrastructure spec).
 */
@NullMarked
package io.github.courtside.core.validation;

import org.jspecify.annotations.NullMarked;
