package io.github.courtside.examples.demo;

import io.github.courtside.core.ValueStyle;
import io.github.courtside.core.warehouse.TableId;
import java.nio.file.Path;
import java.time.LocalDate;
import org.immutables.value.Value;

/**
 * What the demo simulates and where it keeps its files.
 *
 * <pre>{@code
 * DemoConfig season = DemoConfig.builder(Path.of("courtside-demo")).build(); // 30 teams, 82 games
 * DemoConfig quick =
 *     DemoConfig.builder(Path.of("quick")).teams(8).gamesPerTeam(16).gradedDates(4).build();
 * DemoReport report = new DemoPipeline(quick).run();
 * }</pre>
 */
@ValueStyle
@Value.Immutable
public abstract class DemoConfig {
  /** The dataset of the demo's tables unless configured otherwise. */
  public static final String DEFAULT_DATASET = "nba";

  DemoConfig() {}

  /**
   * A builder with the defaults: seed 42, 30 teams, 82 games per team (1,230 games), the last 30
   * game dates graded, 4 workers, from 2023-10-24, no progress bars.
   */
  public static Builder builder(Path directory) {
    return new Builder().directory(directory);
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** Where the DuckDB file, gamebook PDFs, the model and the report are written. */
  public abstract Path directory();

  /** The league's seed: the same seed gives the same games, predictions and graded rows; 42. */
  @Value.Default
  public long seed() {
    return 42;
  }

  /** How many teams (even, 2-30); 30. */
  @Value.Default
  public int teams() {
    return 30;
  }

  /** Regular-season games per team (82 in the NBA); 82. */
  @Value.Default
  public int gamesPerTeam() {
    return 82;
  }

  /**
   * How many of the season's last game dates are predicted, consolidated and graded, one fan-out
   * batch per date; the dates before them train the model; 30.
   */
  @Value.Default
  public int gradedDates() {
    return 30;
  }

  /** How many prediction workers fan each date's slate out; 4. */
  @Value.Default
  public int workers() {
    return 4;
  }

  /** The season's first game day; 2023-10-24. */
  @Value.Default
  public LocalDate firstDay() {
    return LocalDate.of(2023, 10, 24);
  }

  /** The dataset of the demo's tables; {@value #DEFAULT_DATASET}. */
  @Value.Default
  public String dataset() {
    return DEFAULT_DATASET;
  }

  /** Whether to draw progress bars on standard error; false. */
  @Value.Default
  public boolean progress() {
    return false;
  }

  @Value.Check
  void check() {
    String dataset = dataset();
    int teams = teams();
    int gradedDates = gradedDates();
    int gamesPerTeam = gamesPerTeam();
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
    if (workers() < 1) {
      throw new IllegalArgumentException("at least one worker; was " + workers());
    }
  }

  /** The player-game table: {@code <dataset>.player_game}. */
  public TableId playerGameTable() {
    return TableId.of(dataset(), DemoPipeline.PLAYER_GAME.table());
  }

  /** The consolidated predictions table: {@code <dataset>.player_prop_predictions}. */
  public TableId predictionsTable() {
    return TableId.of(dataset(), DemoPipeline.PREDICTIONS.table());
  }

  /** Builds a {@link DemoConfig}; {@link #build()} checks the values. */
  public static final class Builder extends ImmutableDemoConfig.Builder {
    Builder() {}
  }
}
