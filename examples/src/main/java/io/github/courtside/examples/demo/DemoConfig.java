package io.github.courtside.examples.demo;

import io.github.courtside.core.warehouse.TableId;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the demo simulates and where it keeps its files.
 *
 * <pre>{@code
 * DemoConfig config = DemoConfig.builder(Path.of("courtside-demo")).teams(8).historyDays(30).build();
 * DemoReport report = new DemoPipeline(config).run();
 * }</pre>
 *
 * @param directory where the DuckDB file, gamebook PDFs and the model are written
 * @param seed the league's seed: the same seed gives the same games and predictions
 * @param teams how many teams (even, 2-30)
 * @param historyDays how many game days precede the predicted one
 * @param workers how many prediction workers fan the slate out
 * @param firstDay the first game day
 * @param dataset the dataset of the demo's tables (default {@value #DEFAULT_DATASET})
 */
public record DemoConfig(
    Path directory,
    long seed,
    int teams,
    int historyDays,
    int workers,
    LocalDate firstDay,
    String dataset) {

  /** The dataset of the demo's tables unless configured otherwise. */
  public static final String DEFAULT_DATASET = "nba";

  public DemoConfig {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(firstDay, "firstDay");
    Objects.requireNonNull(dataset, "dataset");
    if (!dataset.matches("[A-Za-z_][A-Za-z0-9_]{0,1023}")) {
      throw new IllegalArgumentException(
          "dataset must be letters, digits and underscores, not starting with a digit; was '"
              + dataset
              + "'");
    }
    if (teams < 2 || teams > 30 || teams % 2 != 0) {
      throw new IllegalArgumentException("teams must be even, from 2 to 30; was " + teams);
    }
    if (historyDays < 12) {
      throw new IllegalArgumentException(
          "at least 12 history days are needed to train; was " + historyDays);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("at least one worker; was " + workers);
    }
  }

  /** A builder with the defaults: seed 42, 8 teams, 30 history days, 4 workers, from 2024-01-02. */
  public static Builder builder(Path directory) {
    return new Builder(directory);
  }

  /** The predicted game day: the day after the history. */
  public LocalDate predictedDay() {
    return firstDay.plusDays(historyDays);
  }

  /** The player-game table: {@code <dataset>.player_game}. */
  public TableId playerGameTable() {
    return TableId.of(dataset, DemoPipeline.PLAYER_GAME.table());
  }

  /** The consolidated predictions table: {@code <dataset>.player_prop_predictions}. */
  public TableId predictionsTable() {
    return TableId.of(dataset, DemoPipeline.PREDICTIONS.table());
  }

  /** Builds a {@link DemoConfig}. */
  public static final class Builder {
    private final Path directory;
    private long seed = 42;
    private int teams = 8;
    private int historyDays = 30;
    private int workers = 4;
    private LocalDate firstDay = LocalDate.of(2024, 1, 2);
    private String dataset = DEFAULT_DATASET;

    private Builder(Path directory) {
      this.directory = directory;
    }

    /** The league's seed. */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** The number of teams (even). */
    public Builder teams(int value) {
      this.teams = value;
      return this;
    }

    /** The number of game days before the predicted one. */
    public Builder historyDays(int value) {
      this.historyDays = value;
      return this;
    }

    /** The number of prediction workers. */
    public Builder workers(int value) {
      this.workers = value;
      return this;
    }

    /** The first game day. */
    public Builder firstDay(LocalDate value) {
      this.firstDay = Objects.requireNonNull(value, "firstDay");
      return this;
    }

    /** The dataset of the demo's tables. */
    public Builder dataset(String value) {
      this.dataset = Objects.requireNonNull(value, "dataset");
      return this;
    }

    /** The configuration. */
    public DemoConfig build() {
      return new DemoConfig(directory, seed, teams, historyDays, workers, firstDay, dataset);
    }
  }
}
