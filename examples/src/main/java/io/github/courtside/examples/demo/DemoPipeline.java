package io.github.courtside.examples.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.courtside.core.CourtsideException;
import io.github.courtside.core.completion.BatchId;
import io.github.courtside.core.completion.Completion;
import io.github.courtside.core.completion.CompletionTracker;
import io.github.courtside.core.completion.CompletionTrackerConfig;
import io.github.courtside.core.completion.RecordOutcome;
import io.github.courtside.core.consolidation.ConsolidationConfig;
import io.github.courtside.core.consolidation.ConsolidationReport;
import io.github.courtside.core.consolidation.Consolidator;
import io.github.courtside.core.coordination.CoordinationStore;
import io.github.courtside.core.lock.LeaseLock;
import io.github.courtside.core.lock.LeaseLockConfig;
import io.github.courtside.core.merge.MergeSpec;
import io.github.courtside.core.staging.StagingWriteResult;
import io.github.courtside.core.staging.StagingWriter;
import io.github.courtside.core.warehouse.Column;
import io.github.courtside.core.warehouse.ColumnType;
import io.github.courtside.core.warehouse.Row;
import io.github.courtside.core.warehouse.TableId;
import io.github.courtside.core.warehouse.TableSchema;
import io.github.courtside.core.warehouse.Warehouse;
import io.github.courtside.duckdb.DuckDbDatabase;
import io.github.courtside.duckdb.coordination.DuckDbCoordinationStore;
import io.github.courtside.duckdb.warehouse.DuckDbWarehouse;
import io.github.courtside.examples.report.GradedRow;
import io.github.courtside.examples.report.GradingFiles;
import io.github.courtside.examples.report.ReportFolder;
import io.github.courtside.examples.report.StepTiming;
import io.github.courtside.models.catboost.CatBoostPredictor;
import io.github.courtside.models.catboost.ModelMetadata;
import io.github.courtside.models.feature.FeatureExtractor;
import io.github.courtside.models.feature.FeatureRequest;
import io.github.courtside.models.feature.FeatureSchema;
import io.github.courtside.models.feature.FeatureVector;
import io.github.courtside.models.grading.AccuracyMonitor;
import io.github.courtside.models.grading.AccuracyMonitorConfig;
import io.github.courtside.models.grading.ActualResult;
import io.github.courtside.models.grading.GradedPrediction;
import io.github.courtside.models.grading.Grader;
import io.github.courtside.models.history.InMemoryPlayerGameHistory;
import io.github.courtside.models.history.PlayerGame;
import io.github.courtside.models.history.WarehousePlayerGameHistory;
import io.github.courtside.models.prediction.FallbackPredictor;
import io.github.courtside.models.prediction.Prediction;
import io.github.courtside.models.prediction.PredictionRequest;
import io.github.courtside.models.prediction.Predictor;
import io.github.courtside.models.quality.QualityReport;
import io.github.courtside.models.quality.QualityScorer;
import io.github.courtside.scrapers.ParseStatus;
import io.github.courtside.scrapers.gamebook.ActivePlayer;
import io.github.courtside.scrapers.gamebook.GameTeam;
import io.github.courtside.scrapers.gamebook.Gamebook;
import io.github.courtside.scrapers.gamebook.GamebookParser;
import io.github.courtside.scrapers.gamebook.GamebookParserConfig;
import io.github.courtside.scrapers.gamebook.InactivePlayer;
import io.github.courtside.scrapers.gamebook.NonPlayingPlayer;
import io.github.courtside.scrapers.gamebook.StatLine;
import io.github.courtside.scrapers.gamebook.TeamSide;
import io.github.courtside.scrapers.gamebook.TeamTotals;
import io.github.courtside.scrapers.pdf.PdfTextExtractor;
import io.github.courtside.testkit.gamebook.GamebookPdfWriter;
import io.github.courtside.testkit.league.SyntheticLeague;
import io.github.courtside.testkit.league.SyntheticLeague.Matchup;
import io.github.courtside.testkit.models.BoosterConfig;
import io.github.courtside.testkit.models.ObliviousTreeBooster;
import io.github.courtside.testkit.models.ObliviousTreeModel;
import io.github.courtside.testkit.models.TrainingSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end-to-end pipeline on the embedded default, as a worker fleet and a coordinator would run it
 * in production:
 *
 * <ol>
 *   <li>every game of a synthetic league's regular season (30 teams and 1,230 games by default) is
 *       rendered as an NBA gamebook PDF, parsed back by {@link GamebookParser} and loaded into
 *       {@code nba.player_game} with an atomic partition replace per game date;
 *   <li>point-in-time feature vectors (strictly before each game) of the dates before the graded
 *       ones train a small oblivious-tree model, written in CatBoost's JSON format with its
 *       training medians, and loaded through catboost4j behind the {@link FallbackPredictor} with
 *       its readiness gate on;
 *   <li>each of the last N game dates is one batch: its slate is scored for quality and fanned out
 *       to workers; each predicts its share, writes its own staging table and records its
 *       completions;
 *   <li>the one record call that completes the batch consolidates it: MERGE into {@code
 *       nba.player_prop_predictions} under a lease lock with a fencing token, verified, superseded
 *       rows deactivated, staging dropped, and marks the batch consumed (a call told RETRIGGER,
 *       because an earlier trigger was never consumed, consolidates again: it is idempotent);
 *   <li>after the games, predictions are graded; the report folder ({@code report/index.html} with
 *       its charts, and every graded prediction as CSV and JSON) is written.
 * </ol>
 *
 * <pre>{@code
 * DemoReport report = new DemoPipeline(DemoConfig.builder(dir).build()).run();
 * }</pre>
 */
public final class DemoPipeline {
  /** The dataset of the demo's tables. */
  public static final String DATASET = DemoConfig.DEFAULT_DATASET;

  /** One row per player and game, loaded from the parsed gamebooks. */
  public static final TableId PLAYER_GAME = TableId.of(DATASET, "player_game");

  /** The consolidated predictions. */
  public static final TableId PREDICTIONS = TableId.of(DATASET, "player_prop_predictions");

  /** The prediction system's id. */
  public static final String SYSTEM_ID = "catboost_demo_v1";

  private static final Logger LOG = LoggerFactory.getLogger(DemoPipeline.class);
  private static final FeatureSchema SCHEMA = FeatureSchema.V9_33;
  private static final int FIRST_TRAINING_DAY = 10;
  private static final int TRAINING_DATES = 75;
  private static final ThreadLocal<GamebookPdfWriter> WRITER =
      ThreadLocal.withInitial(GamebookPdfWriter::create);
  // The demo parses PDFs it rendered itself: a generous budget (the extractor's and the parser's
  // hard one), so that a cold JVM on a busy machine does not time out on the first gamebook.
  private static final Duration PARSE_BUDGET = Duration.ofSeconds(30);
  private static final ThreadLocal<GamebookParser> PARSER =
      ThreadLocal.withInitial(
          () ->
              GamebookParser.create(
                  GamebookParserConfig.builder()
                      .extractor(PdfTextExtractor.builder().timeout(PARSE_BUDGET).build())
                      .timeBudget(PARSE_BUDGET)
                      .build()));

  private final DemoConfig config;
  private final Clock clock;

  /** A pipeline for this configuration, stamping rows with the system clock. */
  public DemoPipeline(DemoConfig config) {
    this(config, Clock.systemUTC());
  }

  /** A pipeline for this configuration and clock. */
  public DemoPipeline(DemoConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /**
   * Runs every step on a DuckDB file in the configuration's directory, with the coordination store
   * in the same file, and reports what each did.
   */
  public DemoReport run() {
    prepareDirectory();
    try {
      Files.deleteIfExists(config.directory().resolve("courtside-demo.duckdb"));
      Files.deleteIfExists(config.directory().resolve("courtside-demo.duckdb.wal"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + config.directory(), e);
    }
    try (DuckDbDatabase database =
            DuckDbDatabase.open(config.directory().resolve("courtside-demo.duckdb"));
        DuckDbWarehouse warehouse =
            DuckDbWarehouse.builder().database(database).clock(clock).build()) {
      return new Run(warehouse, new DuckDbCoordinationStore(database)).execute();
    }
  }

  /**
   * Runs every step on the given warehouse and coordination store (which the caller owns and
   * closes) and reports what each did. The demo's tables are created when missing; the
   * configuration's directory holds the gamebook PDFs and the model.
   */
  public DemoReport run(Warehouse warehouse, CoordinationStore store) {
    List<TableId> existing = warehouse.listTables(config.dataset(), "");
    if (!existing.isEmpty()) {
      throw new IllegalArgumentException(
          "dataset "
              + config.dataset()
              + " already holds "
              + existing.size()
              + " tables (first "
              + existing.get(0).table()
              + "): the demo needs an empty or new dataset, so that the same seed gives the same"
              + " summary; give another --dataset or drop those tables");
    }
    prepareDirectory();
    return new Run(warehouse, store).execute();
  }

  private void prepareDirectory() {
    try {
      Files.createDirectories(gamebooksFolder());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + config.directory(), e);
    }
  }

  private Path gamebooksFolder() {
    return config.directory().resolve("gamebooks");
  }

  /** The player-game table's schema. */
  public static TableSchema playerGameSchema() {
    return TableSchema.builder()
        .column(Column.required("game_date", ColumnType.DATE))
        .column(Column.required("game_id", ColumnType.STRING))
        .column(Column.required("player_lookup", ColumnType.STRING))
        .column(Column.required("player_name", ColumnType.STRING))
        .column(Column.required("team_abbr", ColumnType.STRING))
        .column(Column.required("opponent_team_abbr", ColumnType.STRING))
        .column(Column.required("is_home", ColumnType.BOOL))
        .column(Column.required("is_dnp", ColumnType.BOOL))
        .column(Column.nullable("dnp_reason", ColumnType.STRING))
        .column(Column.nullable("points", ColumnType.INT64))
        .column(Column.nullable("minutes_played", ColumnType.FLOAT64))
        .column(Column.nullable("ft_makes", ColumnType.INT64))
        .column(Column.nullable("fg_attempts", ColumnType.INT64))
        .column(Column.nullable("ft_attempts", ColumnType.INT64))
        .column(Column.nullable("turnovers", ColumnType.INT64))
        .column(Column.nullable("team_fg_attempts", ColumnType.INT64))
        .column(Column.nullable("team_ft_attempts", ColumnType.INT64))
        .column(Column.nullable("team_turnovers", ColumnType.INT64))
        .partitionBy("game_date")
        .clusterBy("player_lookup")
        .build();
  }

  /** The predictions table's schema. */
  public static TableSchema predictionSchema() {
    return TableSchema.builder()
        .column(Column.required("game_date", ColumnType.DATE))
        .column(Column.required("game_id", ColumnType.STRING))
        .column(Column.required("player_lookup", ColumnType.STRING))
        .column(Column.required("system_id", ColumnType.STRING))
        .column(Column.required("prediction_id", ColumnType.STRING))
        .column(Column.nullable("current_points_line", ColumnType.FLOAT64))
        .column(Column.required("predicted_points", ColumnType.FLOAT64))
        .column(Column.nullable("edge", ColumnType.FLOAT64))
        .column(Column.required("recommendation", ColumnType.STRING))
        .column(Column.required("confidence", ColumnType.FLOAT64))
        .column(Column.required("model_id", ColumnType.STRING))
        .column(Column.required("model_version", ColumnType.STRING))
        .column(Column.required("model_type", ColumnType.STRING))
        .column(Column.nullable("fallback_reason", ColumnType.STRING))
        .column(Column.nullable("quality_score", ColumnType.FLOAT64))
        .column(Column.required("created_at", ColumnType.TIMESTAMP))
        .column(Column.nullable("updated_at", ColumnType.TIMESTAMP))
        .column(Column.nullable("is_active", ColumnType.BOOL).withDefault(true))
        .partitionBy("game_date")
        .clusterBy("player_lookup", "system_id")
        .build();
  }

  /** One run's state: the league, the parsed season and the step counters. */
  private final class Run {
    private final Path gamebooks;
    private final Warehouse warehouse;
    private final CoordinationStore store;
    private final SyntheticLeague league;
    private final Map<String, Gamebook> parsedGames = new HashMap<>();
    private final List<PlayerGame> history = new ArrayList<>();
    private int parsed;
    private int complete;
    private long rowsLoaded;
    private int trainingRows;

    Run(Warehouse warehouse, CoordinationStore store) {
      this.gamebooks = gamebooksFolder();
      this.warehouse = warehouse;
      this.store = store;
      this.league =
          new SyntheticLeague(
              config.seed(), config.teams(), config.firstDay(), config.gamesPerTeam());
    }

    DemoReport execute() {
      List<LocalDate> dates = league.dates();
      if (dates.size() < config.gradedDates() + 8) {
        throw new IllegalArgumentException(
            "the season has "
                + dates.size()
                + " game dates; grading the last "
                + config.gradedDates()
                + " leaves fewer than 8 to train on: give more games per team or fewer graded"
                + " dates");
      }
      warehouse.createTableIfAbsent(config.playerGameTable(), playerGameSchema());
      warehouse.createTableIfAbsent(config.predictionsTable(), predictionSchema());
      long started = System.nanoTime();
      scrapeAndLoad(dates);
      LOG.info(
          "loaded {} player-game rows from {} gamebooks in {} ms",
          rowsLoaded,
          parsed,
          (System.nanoTime() - started) / 1_000_000);

      List<LocalDate> graded = dates.subList(dates.size() - config.gradedDates(), dates.size());
      List<LocalDate> training = dates.subList(0, dates.size() - config.gradedDates());
      Path modelFile = config.directory().resolve("model.json");
      started = System.nanoTime();
      ModelMetadata metadata = train(training, modelFile);
      int trees = treeCount(modelFile);
      LOG.info(
          "trained on {} vectors in {} ms",
          trainingRows,
          (System.nanoTime() - started) / 1_000_000);
      started = System.nanoTime();

      FeatureExtractor extractor =
          FeatureExtractor.builder(
                  new WarehousePlayerGameHistory(warehouse, config.playerGameTable()))
              .schema(SCHEMA)
              .build();
      Map<String, Long> tiers = new TreeMap<>();
      Map<String, Long> recommendations = new TreeMap<>();
      List<GradedPrediction> gradedPredictions = new ArrayList<>();
      List<Prediction> allPredictions = new ArrayList<>();
      List<ActualResult> allActuals = new ArrayList<>();
      List<ConsolidationReport> consolidations = new ArrayList<>();
      int completions = 0;
      ConsolidationReport rerun;
      long blocked;
      long fallbacks;
      long imputations;
      try (CatBoostPredictor model =
              CatBoostPredictor.builder(modelFile)
                  .metadata(metadata)
                  .schema(SCHEMA)
                  .modelId(SYSTEM_ID)
                  .clock(clock)
                  .build();
          LeaseLock lock =
              new LeaseLock(
                  store,
                  LeaseLockConfig.builder()
                      .owner("demo-coordinator")
                      .pollInterval(Duration.ofMillis(50))
                      .waitBudget(Duration.ofSeconds(60))
                      .clock(clock)
                      .build());
          Progress progress = Progress.of(config.progress(), "predict+merge", graded.size())) {
        // The readiness gate is on: a vector below BRONZE, with a required default or a weak
        // matchup never reaches the model and is answered by the tagged fallback.
        FallbackPredictor predictor = FallbackPredictor.builder(model).clock(clock).build();
        FanOut last = null;
        for (LocalDate day : graded) {
          List<PredictionRequest> requests = requests(extractor, day, tiers);
          FanOut fanOut =
              fanOut(day, requests, predictor, lock, day.equals(graded.get(graded.size() - 1)));
          completions += fanOut.completions();
          consolidations.add(fanOut.consolidation());
          List<ActualResult> actuals = new ArrayList<>();
          for (Matchup matchup : league.games(day)) {
            actuals.addAll(actuals(matchup));
          }
          List<Prediction> predictions = inCreationOrder(fanOut.predictions());
          for (Prediction prediction : predictions) {
            recommendations.merge(prediction.recommendation().name(), 1L, Long::sum);
          }
          gradedPredictions.addAll(new Grader().grade(predictions, actuals).rows());
          allPredictions.addAll(predictions);
          allActuals.addAll(actuals);
          last = fanOut;
          progress.step();
        }
        rerun = Objects.requireNonNull(Objects.requireNonNull(last).rerun());
        blocked = predictor.blockedCount();
        fallbacks = predictor.fallbackCount();
        imputations = predictor.imputationCount();
      }
      LOG.info(
          "predicted, consolidated and graded {} dates in {} ms",
          graded.size(),
          (System.nanoTime() - started) / 1_000_000);
      started = System.nanoTime();
      var accuracy =
          new AccuracyMonitor(AccuracyMonitorConfig.defaults()).report(gradedPredictions).overall();
      List<GradedRow> gradedRows = gradedPredictions.stream().map(GradedRow::of).toList();
      long active =
          warehouse
              .query(
                  "SELECT COUNT(*) AS n FROM "
                      + config.predictionsTable().qualifiedName()
                      + " WHERE game_date >= DATE '"
                      + graded.get(0)
                      + "' AND is_active")
              .get(0)
              .getLong("n")
              .orElse(0L);
      GradingFiles.writePredictions(config.directory().resolve("predictions.json"), allPredictions);
      GradingFiles.writeResults(config.directory().resolve("results.json"), allActuals);
      return new DemoReport(
          config.directory(),
          graded.get(0),
          graded.get(graded.size() - 1),
          league.gameCount(),
          parsed,
          complete,
          rowsLoaded,
          trainingRows,
          trees,
          allPredictions.size(),
          tiers,
          recommendations,
          graded.size(),
          config.workers(),
          completions,
          consolidations,
          rerun,
          active,
          blocked,
          fallbacks,
          imputations,
          accuracy,
          gradedRows,
          writeReport(gradedRows, consolidations, blocked, imputations, started));
    }

    /** A date's predictions in the order they were made (workers interleave): by creation. */
    private List<Prediction> inCreationOrder(List<Prediction> predictions) {
      List<Prediction> sorted = new ArrayList<>(predictions);
      sorted.sort(Comparator.comparing(Prediction::gameId).thenComparing(Prediction::playerLookup));
      return sorted;
    }

    /** The day's slate: every rotation player not listed out, with the feature store's values. */
    private List<PredictionRequest> requests(
        FeatureExtractor extractor, LocalDate day, Map<String, Long> tiers) {
      List<FeatureRequest> featureRequests = new ArrayList<>();
      List<String> gameIds = new ArrayList<>();
      for (Matchup matchup : league.games(day)) {
        for (SyntheticLeague.Pregame pregame : league.pregame(matchup)) {
          if (!pregame.listedOut()) {
            featureRequests.add(league.featureRequest(pregame));
            gameIds.add(matchup.gameId());
          }
        }
      }
      List<FeatureVector> vectors = extractor.extractAll(featureRequests);
      QualityScorer scorer = new QualityScorer();
      List<PredictionRequest> requests = new ArrayList<>();
      for (int i = 0; i < vectors.size(); i++) {
        FeatureRequest featureRequest = featureRequests.get(i);
        QualityReport quality = scorer.score(vectors.get(i));
        tiers.merge(quality.tier().name(), 1L, Long::sum);
        PredictionRequest.Builder request =
            PredictionRequest.builder()
                .playerLookup(featureRequest.playerLookup())
                .gameId(gameIds.get(i))
                .gameDate(day)
                .features(vectors.get(i))
                .qualityScore(quality.score())
                .line(featureRequest.line());
        requests.add(request.build());
      }
      return requests;
    }

    private Path writeReport(
        List<GradedRow> rows,
        List<ConsolidationReport> consolidations,
        long blocked,
        long imputations,
        long started) {
      List<StepTiming> timings = new ArrayList<>();
      for (ConsolidationReport consolidation : consolidations) {
        for (ConsolidationReport.StepTiming step : consolidation.timings()) {
          timings.add(
              new StepTiming(
                  consolidation.partition(), step.step().name(), step.elapsed().toMillis()));
        }
      }
      Path index =
          ReportFolder.builder(
                  "Courtside demo: seed "
                      + config.seed()
                      + ", "
                      + config.teams()
                      + " teams, "
                      + config.gamesPerTeam()
                      + " games each",
                  rows)
              .timings(timings)
              .putFacts("games in the season", Integer.toString(league.gameCount()))
              .putFacts(
                  "gamebook PDFs rendered and parsed", parsed + " (" + complete + " complete)")
              .putFacts("player-game rows loaded", Long.toString(rowsLoaded))
              .putFacts("training vectors", Integer.toString(trainingRows))
              .putFacts("fan-out batches consolidated", Integer.toString(consolidations.size()))
              .putFacts("vectors blocked by the quality gate", Long.toString(blocked))
              .putFacts("feature values imputed", Long.toString(imputations))
              .build()
              .writeTo(config.directory().resolve("report"));
      LOG.info("wrote the report in {} ms", (System.nanoTime() - started) / 1_000_000);
      return index;
    }

    /** Renders and parses every game of the season (in parallel), then loads each date. */
    private void scrapeAndLoad(List<LocalDate> dates) {
      List<Matchup> games = new ArrayList<>();
      dates.forEach(date -> games.addAll(league.games(date)));
      int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try (Progress progress = Progress.of(config.progress(), "gamebooks", games.size())) {
        List<Future<Gamebook>> results = new ArrayList<>();
        for (Matchup matchup : games) {
          results.add(pool.submit(() -> renderAndParse(matchup, progress)));
        }
        for (int i = 0; i < games.size(); i++) {
          Gamebook gamebook = results.get(i).get();
          parsed++;
          if (gamebook.status() == ParseStatus.COMPLETE && gamebook.checksPassed()) {
            complete++;
          }
          parsedGames.put(games.get(i).gameId(), gamebook);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CourtsideException("interrupted while parsing gamebooks", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw new CourtsideException("a gamebook could not be parsed: " + cause, e);
      } finally {
        pool.shutdownNow();
      }
      LOG.info("rendered and parsed {} gamebooks", parsed);
      try (Progress progress = Progress.of(config.progress(), "load days", dates.size())) {
        for (LocalDate date : dates) {
          List<Row> rows = new ArrayList<>();
          for (Matchup matchup : league.games(date)) {
            rows.addAll(playerGameRows(parsedGames.get(matchup.gameId()), matchup));
          }
          rowsLoaded += warehouse.replacePartition(config.playerGameTable(), date, rows);
          progress.step();
        }
      }
    }

    private Gamebook renderAndParse(Matchup matchup, Progress progress) throws IOException {
      byte[] pdf = WRITER.get().write(league.play(matchup));
      Files.write(gamebooks.resolve(matchup.gameId() + ".pdf"), pdf);
      Gamebook gamebook = PARSER.get().parse(pdf);
      if (gamebook.status() == ParseStatus.FAILED) {
        throw new CourtsideException(
            "gamebook "
                + matchup.gameId()
                + " failed to parse: "
                + gamebook.failureReason().orElse("no reason given"));
      }
      progress.step();
      return gamebook;
    }

    private List<Row> playerGameRows(@Nullable Gamebook gamebook, Matchup matchup) {
      if (gamebook == null) {
        throw new CourtsideException("no parsed gamebook for " + matchup.gameId());
      }
      List<Row> rows = new ArrayList<>();
      for (TeamSide side : TeamSide.values()) {
        String team = tricode(gamebook, side);
        String opponent = tricode(gamebook, side == TeamSide.AWAY ? TeamSide.HOME : TeamSide.AWAY);
        StatLine totals =
            gamebook
                .totals(side)
                .map(TeamTotals::totals)
                .orElseThrow(() -> new CourtsideException("no team totals in " + matchup.gameId()));
        for (ActivePlayer player : gamebook.activePlayers(side)) {
          StatLine stats = player.stats();
          rows.add(
              base(
                      matchup,
                      player.name().lookupKey(),
                      player.name().printed(),
                      team,
                      opponent,
                      side)
                  .set("is_dnp", false)
                  .set("points", (long) stats.points())
                  .set("minutes_played", stats.seconds() / 60.0)
                  .set("ft_makes", (long) stats.freeThrowsMade())
                  .set("fg_attempts", (long) stats.fieldGoalsAttempted())
                  .set("ft_attempts", (long) stats.freeThrowsAttempted())
                  .set("turnovers", (long) stats.turnovers())
                  .set("team_fg_attempts", (long) totals.fieldGoalsAttempted())
                  .set("team_ft_attempts", (long) totals.freeThrowsAttempted())
                  .set("team_turnovers", (long) totals.turnovers())
                  .build());
          history.add(
              PlayerGame.builder(player.name().lookupKey(), matchup.date())
                  .gameId(matchup.gameId())
                  .team(team)
                  .opponent(opponent)
                  .home(side == TeamSide.HOME)
                  .points(stats.points())
                  .minutes(stats.seconds() / 60.0)
                  .freeThrowMakes(stats.freeThrowsMade())
                  .shooting(
                      stats.fieldGoalsAttempted(), stats.freeThrowsAttempted(), stats.turnovers())
                  .teamTotals(
                      totals.fieldGoalsAttempted(),
                      totals.freeThrowsAttempted(),
                      totals.turnovers())
                  .build());
        }
        for (NonPlayingPlayer player : gamebook.dnpPlayers(side)) {
          rows.add(
              base(
                      matchup,
                      player.name().lookupKey(),
                      player.name().printed(),
                      team,
                      opponent,
                      side)
                  .set("is_dnp", true)
                  .set("dnp_reason", player.reason())
                  .build());
          history.add(
              PlayerGame.builder(player.name().lookupKey(), matchup.date())
                  .gameId(matchup.gameId())
                  .team(team)
                  .opponent(opponent)
                  .home(side == TeamSide.HOME)
                  .dnp(true)
                  .build());
        }
      }
      return rows;
    }

    private Row.Builder base(
        Matchup matchup, String player, String name, String team, String opponent, TeamSide side) {
      return Row.builder()
          .set("game_date", matchup.date())
          .set("game_id", matchup.gameId())
          .set("player_lookup", player)
          .set("player_name", name)
          .set("team_abbr", team)
          .set("opponent_team_abbr", opponent)
          .set("is_home", side == TeamSide.HOME);
    }

    private String tricode(Gamebook gamebook, TeamSide side) {
      return gamebook
          .game()
          .team(side)
          .flatMap(GameTeam::tricode)
          .orElseThrow(() -> new CourtsideException("gamebook without the " + side + " team"));
    }

    /**
     * Trains on the dates before the graded ones: point-in-time vectors of every player who played
     * (from the parsed gamebooks held in memory: the same rows as the warehouse table), with the
     * lines and feature-store values known before each game.
     */
    private ModelMetadata train(List<LocalDate> dates, Path modelFile) {
      FeatureExtractor extractor =
          FeatureExtractor.builder(InMemoryPlayerGameHistory.of(history)).schema(SCHEMA).build();
      List<FeatureRequest> requests = new ArrayList<>();
      List<Double> targets = new ArrayList<>();
      // The first dates have too little history to learn from; the most recent TRAINING_DATES
      // dates are enough for a small model and keep the demo fast.
      int skipped =
          Math.max(Math.min(FIRST_TRAINING_DAY, dates.size() / 3), dates.size() - TRAINING_DATES);
      for (LocalDate date : dates.subList(skipped, dates.size())) {
        for (Matchup matchup : league.games(date)) {
          Gamebook gamebook = Objects.requireNonNull(parsedGames.get(matchup.gameId()));
          Map<String, Integer> points = new HashMap<>();
          for (ActivePlayer player : gamebook.activePlayers()) {
            points.put(player.name().lookupKey(), player.stats().points());
          }
          for (SyntheticLeague.Pregame pregame : league.pregame(matchup)) {
            Integer scored = points.get(pregame.player().key());
            if (scored != null) {
              requests.add(league.featureRequest(pregame));
              targets.add((double) scored);
            }
          }
        }
      }
      trainingRows = requests.size();
      List<FeatureVector> vectors;
      try (Progress progress = Progress.of(config.progress(), "train", 1)) {
        vectors = extractor.extractAll(requests);
        progress.step();
      }
      List<String> names = SCHEMA.names();
      double[][] rows = new double[vectors.size()][];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = vectors.get(i).toArray();
      }
      Map<String, Double> medians = new LinkedHashMap<>();
      for (int f = 0; f < names.size(); f++) {
        double median = median(rows, f);
        medians.put(names.get(f), median);
        for (double[] row : rows) {
          if (Double.isNaN(row[f])) {
            row[f] = median;
          }
        }
      }
      ObliviousTreeModel model =
          new ObliviousTreeBooster(
                  BoosterConfig.builder().trees(60).depth(4).learningRate(0.15).build())
              .train(
                  new TrainingSet(
                      names, rows, targets.stream().mapToDouble(Double::doubleValue).toArray()));
      model.writeTo(modelFile);
      try {
        new ObjectMapper()
            .writerWithDefaultPrettyPrinter()
            .writeValue(
                config.directory().resolve("model.metadata.json").toFile(),
                Map.of(
                    "model_name", SYSTEM_ID,
                    "features", names,
                    "feature_medians", medians,
                    "training_rows", rows.length));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the model metadata", e);
      }
      return new ModelMetadata(SYSTEM_ID, names, medians);
    }

    private int treeCount(Path modelFile) {
      try {
        return new ObjectMapper().readTree(modelFile.toFile()).path("oblivious_trees").size();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + modelFile, e);
      }
    }

    private FanOut fanOut(
        LocalDate day,
        List<PredictionRequest> requests,
        Predictor predictor,
        LeaseLock lock,
        boolean rerun) {
      List<String> workers = new ArrayList<>();
      for (int w = 0; w < config.workers(); w++) {
        workers.add("worker-" + w);
      }
      CompletionTracker tracker =
          new CompletionTracker(store, CompletionTrackerConfig.builder().clock(clock).build());
      // One item per worker: each records its share once, after its staging table is written.
      BatchId batch = tracker.start(day.toString(), workers);
      String batchId = "predictions_" + batch.asString();
      Consolidator consolidator =
          Consolidator.create(
              warehouse,
              lock.asAcquirer(),
              ConsolidationConfig.builder(
                      MergeSpec.builder(config.predictionsTable())
                          .mergeKey("game_id", "player_lookup", "system_id")
                          .newestBy("created_at")
                          .excludeFromUpdate("prediction_id", "created_at")
                          .refreshOnWrite("updated_at")
                          .build())
                  .activeFlag("is_active", "game_id", "player_lookup", "system_id")
                  .clock(clock)
                  .build());
      List<List<PredictionRequest>> shares = new ArrayList<>();
      for (int w = 0; w < config.workers(); w++) {
        shares.add(new ArrayList<>());
      }
      for (int i = 0; i < requests.size(); i++) {
        shares.get(i % config.workers()).add(requests.get(i));
      }
      AtomicInteger completions = new AtomicInteger();
      List<ConsolidationReport> consolidations =
          java.util.Collections.synchronizedList(new ArrayList<>());
      List<Prediction> predictions = java.util.Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(config.workers());
      try {
        List<Future<StagingWriteResult>> results = new ArrayList<>();
        for (int w = 0; w < config.workers(); w++) {
          List<PredictionRequest> share = shares.get(w);
          String worker = workers.get(w);
          results.add(
              pool.submit(
                  () -> {
                    List<Prediction> mine = predictor.predictAll(share);
                    predictions.addAll(mine);
                    StagingWriteResult staged =
                        StagingWriter.of(warehouse, config.predictionsTable(), batchId, worker)
                            .write(predictionRows(mine));
                    RecordOutcome outcome =
                        tracker.record(
                            batch,
                            worker,
                            Completion.staged(mine.size(), staged.stagingTable().table()));
                    // COMPLETED_BATCH, or RETRIGGER when an earlier trigger was never
                    // consumed: consolidate (idempotent), then mark the batch consumed
                    if (outcome.isTrigger()) {
                      if (outcome.completedBatch()) {
                        completions.incrementAndGet();
                      }
                      consolidations.add(consolidator.consolidate(batchId, day));
                      tracker.markConsumed(outcome.claim().orElseThrow());
                    }
                    return staged;
                  }));
        }
        for (Future<StagingWriteResult> result : results) {
          result.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CourtsideException("interrupted while the workers ran", e);
      } catch (ExecutionException e) {
        throw new CourtsideException("a prediction worker failed: " + e.getCause(), e);
      } finally {
        pool.shutdownNow();
      }
      if (consolidations.size() != 1) {
        throw new CourtsideException(
            "expected exactly one consolidation trigger for "
                + day
                + ", got "
                + consolidations.size());
      }
      // Consolidating a consumed batch again is a no-op; shown once, for the last date.
      return new FanOut(
          List.copyOf(predictions),
          completions.get(),
          consolidations.get(0),
          rerun ? consolidator.consolidate(batchId, day) : null);
    }

    private List<Row> predictionRows(List<Prediction> predictions) {
      Instant now = clock.instant();
      List<Row> rows = new ArrayList<>();
      for (Prediction prediction : predictions) {
        rows.add(
            Row.builder()
                .set("game_date", prediction.gameDate())
                .set("game_id", prediction.gameId())
                .set("player_lookup", prediction.playerLookup())
                .set("system_id", SYSTEM_ID)
                .set(
                    "prediction_id",
                    prediction.gameId() + ":" + prediction.playerLookup() + ":" + SYSTEM_ID)
                .set("current_points_line", boxed(prediction.line()))
                .set("predicted_points", prediction.predictedPoints())
                .set("edge", boxed(prediction.edge()))
                .set("recommendation", prediction.recommendation().name())
                .set("confidence", prediction.confidence())
                .set("model_id", prediction.modelId())
                .set("model_version", prediction.modelVersion())
                .set("model_type", prediction.modelType().name())
                .set(
                    "fallback_reason",
                    prediction.fallbackReason().map(Object::toString).orElse(null))
                .set("created_at", now)
                .build());
      }
      return rows;
    }

    /** What every rostered player of a game did: played, DNP, or out injured (void bets). */
    private List<ActualResult> actuals(Matchup matchup) {
      Gamebook gamebook = Objects.requireNonNull(parsedGames.get(matchup.gameId()));
      String gameId = matchup.gameId();
      List<ActualResult> results = new ArrayList<>();
      for (ActivePlayer player : gamebook.activePlayers()) {
        results.add(
            ActualResult.played(
                player.name().lookupKey(),
                gameId,
                player.stats().points(),
                player.stats().seconds() / 60.0));
      }
      for (NonPlayingPlayer player : gamebook.dnpPlayers()) {
        results.add(ActualResult.didNotPlay(player.name().lookupKey(), gameId));
      }
      for (InactivePlayer player : gamebook.inactivePlayers()) {
        results.add(ActualResult.didNotPlay(player.name().lookupKey(), gameId));
      }
      return results;
    }
  }

  private static @Nullable Double boxed(OptionalDouble value) {
    return value.isPresent() ? value.getAsDouble() : null;
  }

  private static double median(double[][] rows, int column) {
    double[] values =
        Arrays.stream(rows)
            .mapToDouble(row -> row[column])
            .filter(v -> !Double.isNaN(v))
            .sorted()
            .toArray();
    if (values.length == 0) {
      return 0.0;
    }
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  private record FanOut(
      List<Prediction> predictions,
      int completions,
      ConsolidationReport consolidation,
      @Nullable ConsolidationReport rerun) {}
}
