package io.github.courtside.examples.demo;

import io.github.courtside.core.warehouse.TableId;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the demo simulates and where it keeps its files.
 *
 * <pre>{@code
 * DemoConfig season = DemoConfig.builder(Path.of("courtside-demo")).build(); // 30 teams, 82 games
 * DemoConfig quick =
 *     DemoConfig.builder(Path.of("quick")).teams(8).gamesPerTeam(16).gradedDates(4).build();
 * DemoReport report = new DemoPipeline(quick).run();
 * }</pre>
 *
 * @param directory where the DuckDB file, gamebook PDFs, the model and the report are written
 * @param seed the league's seed: the same seed gives the same games, predictions and graded rows
 * @param teams how many teams (even, 2-30)
 * @param gamesPerTeam regular-season games per team (82 in the NBA)
 * @param gradedDates how many of the season's last game dates are predicted, consolidated and
 *     graded, one fan-out batch per date; the dates before them train the model
 * @param workers how many prediction workers fan each date's slate out
 * @param firstDay the season's first game day
 * @param dataset the dataset of the demo's tables (default {@value #DEFAULT_DATASET})
 * @param progress whether to draw progress bars on standard error
 */
public record DemoConfig(
    Path directory,
    long seed,
    int teams,
    int gamesPerTeam,
    int gradedDates,
    int workers,
    LocalDate firstDay,
    String dataset,
    boolean progress) {

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
    if (gradedDates < 1) {
      throw new IllegalArgumentException("at least one graded date; was " + gradedDates);
    }
    if (gamesPerTeam < 8 || gamesPerTeam > 200) {
      throw new IllegalArgumentException(
          "games per team must be from 8 to 200; was " + gamesPerTeam);
    }
    if (gamesPerTeam < gradedDates / 2 + 6) {
      throw new IllegalArgumentException(
          "grading the last "
              + gradedDates
              + " game dates needs at least "
              + (gradedDates / 2 + 6)
              + " games per team, so that earlier dates are left to train on; was "
              + gamesPerTeam);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("at least one worker; was " + workers);
    }
  }

  /**
   * A builder with the defaults: seed 42, 30 teams, 82 games per team (1,230 games), the last 30
   * game dates graded, 4 workers, from 2023-10-24, no progress bars.
   */
  public static Builder builder(Path directory) {
    return new Builder(directory);
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
    private int teams = 30;
    private int gamesPerTeam = 82;
    private int gradedDates = 30;
    private int workers = 4;
    private LocalDate firstDay = LocalDate.of(2023, 10, 24);
    private String dataset = DEFAULT_DATASET;
    private boolean progress;

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

    /** Regular-season games per team. */
    public Builder gamesPerTeam(int value) {
      this.gamesPerTeam = value;
      return this;
    }

    /** How many of the last game dates are predicted and graded. */
    public Builder gradedDates(int value) {
      this.gradedDates = value;
      return this;
    }

    /** The number of prediction workers. */
    public Builder workers(int value) {
      this.workers = value;
      return this;
    }

    /** The season's first game day. */
    public Builder firstDay(LocalDate value) {
      this.firstDay = Objects.requireNonNull(value, "firstDay");
      return this;
    }

    /** The dataset of the demo's tables. */
    public Builder dataset(String value) {
      this.dataset = Objects.requireNonNull(value, "dataset");
      return this;
    }

    /** Whether to draw progress bars on standard error. */
    public Builder progress(boolean value) {
      this.progress = value;
      return this;
    }

    /** The configuration. */
    public DemoConfig build() {
      return new DemoConfig(
          directory, seed, teams, gamesPerTeam, gradedDates, workers, firstDay, dataset, progress);
    }
  }
}
