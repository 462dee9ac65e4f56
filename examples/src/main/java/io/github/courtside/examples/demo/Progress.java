package io.github.courtside.examples.demo;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/** A progress bar on standard error for a long step, or nothing when progress is off. */
final class Progress implements AutoCloseable {
  private final @Nullable ProgressBar bar;

  private Progress(@Nullable ProgressBar bar) {
    this.bar = bar;
  }

  /** A bar named {@code task} counting to {@code total}, drawn only when {@code shown}. */
  @SuppressWarnings("SystemOut")
  static Progress of(boolean shown, String task, long total) {
    if (!shown) {
      return new Progress(null);
    }
    PrintStream err = System.err;
    return new Progress(
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(200)
            .setConsumer(new ConsoleProgressBarConsumer(err))
            .build());
  }

  /** One more unit done. */
  void step() {
    ProgressBar bar = this.bar;
    if (bar != null) {
      bar.step();
    }
  }

  @Override
  public void close() {
    ProgressBar bar = this.bar;
    if (bar != null) {
      bar.close();
    }
  }
}
