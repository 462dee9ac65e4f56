package io.github.courtside.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project's configuration and value types. A type annotated
 * {@code @ValueStyle @Value.Immutable} is an abstract class with its accessors (defaults as
 * {@code @Value.Default}, validation in a {@code @Value.Check} method that throws {@link
 * IllegalArgumentException} with a message naming the setting) and a nested {@code public static
 * final class Builder extends ImmutableXxx.Builder {}}. The generated {@code ImmutableXxx} stays
 * package-private: users see only {@code Xxx.builder()}, {@code Xxx.defaults()} where every setting
 * has a default, {@code xxx.toBuilder()}, and the abstract type.
 *
 * <pre>{@code
 * @ValueStyle
 * @Value.Immutable
 * public abstract class RetryConfig {
 *   @Value.Default
 *   public int maxAttempts() { return 5; }
 *
 *   @Value.Check
 *   void check() { if (maxAttempts() < 1) throw new IllegalArgumentException("maxAttempts ..."); }
 *
 *   public static Builder builder() { return new Builder(); }
 *
 *   public static final class Builder extends ImmutableRetryConfig.Builder {}
 * }
 * }</pre>
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeImmutable = "Immutable*",
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    defaults = @Value.Immutable(copy = false, prehash = false))
public @interface ValueStyle {}
