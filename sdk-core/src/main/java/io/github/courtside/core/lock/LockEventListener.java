package io.github.courtside.core.lock;

/**
 * Receives {@link LockEvent}s; called on the thread that caused the event, so keep it quick. An
 * exception thrown by a listener is logged and otherwise ignored.
 *
 * <pre>{@code
 * LeaseLockConfig config = LeaseLockConfig.builder()
 *     .listener(event -> log.info("lock event {}", event))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface LockEventListener {
  /** Ignores every event. */
  LockEventListener NONE = event -> {};

  /** Handles one event. */
  void onEvent(LockEvent event);
}
