package io.github.courtside.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of what a component that owns resources (a writer with threads, a sink with
 * a client, a registry with executors) is built from. Like {@link ValueStyle}, but the generated
 * builder's own build method is {@code buildSetup()}, so the type's nested {@code Builder} can add
 * a {@code build()} that makes the component from the immutable setup. No builder is written by
 * hand: the setters, defaults and {@code @Value.Check} validation are generated.
 *
 * <pre>{@code
 * @ComponentStyle
 * @Value.Immutable
 * public abstract class WidgetSetup {
 *   public abstract Clock clock();
 *
 *   public static final class Builder extends ImmutableWidgetSetup.Builder {
 *     public Widget build() { return new Widget(buildSetup()); }
 *   }
 * }
 * }</pre>
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeImmutable = "Immutable*",
    build = "buildSetup",
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    defaults = @Value.Immutable(copy = false, prehash = false))
public @interface ComponentStyle {}
