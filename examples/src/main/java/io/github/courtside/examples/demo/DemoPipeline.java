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
import io.github.courtside.examples.demo.SyntheticLeague.Matchup;
import io.github.courtside.examples.report.GradedRow;
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
import io.github.courtside.models.grading.Grader;
import io.github.courtside.models.grading.GradingResult;
import io.github.courtside.models.history.WarehousePlayerGameHistory;
import io.github.courtside.models.prediction.Prediction;
import io.github.courtside.models.prediction.PredictionRequest;
import io.github.courtside.models.quality.QualityReport;
import io.github.courtside.models.quality.QualityScorer;
import io.github.courtside.models.training.BoosterConfig;
import io.github.courtside.models.training.ObliviousTreeBooster;
import io.github.courtside.models.training.ObliviousTreeModel;
import io.github.courtside.models.training.TrainingSet;
import io.github.courtside.scrapers.ParseStatus;
import io.github.courtside.scrapers.gamebook.ActivePlayer;
import io.github.courtside.scrapers.gamebook.GameTeam;
import io.github.courtside.scrapers.gamebook.Gamebook;
import io.github.courtside.scrapers.gamebook.GamebookParser;
import io.github.courtside.scrapers.gamebook.GamebookParserConfig;
import io.github.courtside.scrapers.gamebook.GamebookPdfWriter;
import io.github.courtside.scrapers.gamebook.NonPlayingPlayer;
import io.github.courtside.scrapers.gamebook.StatLine;
import io.github.courtside.scrapers.gamebook.TeamSide;
import io.github.courtside.scrapers.gamebook.TeamTotals;
import io.github.courtside.scrapers.pdf.PdfTextExtractor;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 *   <li>each game day of a synthetic league is rendered as an NBA gamebook PDF, parsed back by
 *       {@link GamebookParser} and loaded into {@code nba.player_game} with an atomic partition
 *       replace;
 *   <li>point-in-time feature vectors (strictly before each game) train a small oblivious-tree
 *       model, written in CatBoost's JSON format with its training medians, and loaded through
 *       catboost4j;
 *   <li>the predicted day's slate is scored for quality and fanned out to workers; each predicts
 *       its share, writes its own staging table and records its completions;
 *   <li>the one record call that completes the batch consolidates it: MERGE into {@code
 *       nba.player_prop_predictions} under a lease lock with a fencing token, verified, superseded
 *       rows deactivated, staging dropped, and marks the batch consumed (a call told RETRIGGER,
 *       because an earlier trigger was never consumed, consolidates again: it is idempotent);
 *   <li>after the games, predictions are graded and summarised.
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

  /** One run's state: the league, what is known of each player, and the step counters. */
  private final class Run {
    private final Path gamebooks;
    private final Warehouse warehouse;
    private final CoordinationStore store;
    private final SyntheticLeague league;
    private final GamebookPdfWriter writer = GamebookPdfWriter.create();
    // The demo parses PDFs it rendered itself: a generous budget, so that a cold JVM on a busy
    // machine does not time out on the first gamebook.
    private final GamebookParser parser =
        GamebookParser.create(
            GamebookParserConfig.builder()
                .extractor(PdfTextExtractor.builder().timeout(Duration.ofSeconds(30)).build())
                .build());
    private final Map<String, List<Integer>> pointsByPlayer = new HashMap<>();
    private final List<FeatureRequest> trainingRequests = new ArrayList<>();
    private final List<Double> trainingTargets = new ArrayList<>();
    private int parsed;
    private int complete;
    private long rowsLoaded;

    Run(Warehouse warehouse, CoordinationStore store) {
      this.gamebooks = gamebooksFolder();
      this.warehouse = warehouse;
      this.store = store;
      this.league = new SyntheticLeague(config.seed(), config.teams());
    }

    DemoReport execute() {
      warehouse.createTableIfAbsent(config.playerGameTable(), playerGameSchema());
      warehouse.createTableIfAbsent(config.predictionsTable(), predictionSchema());
      for (int day = 0; day < config.historyDays(); day++) {
        List<Gamebook> games = loadDay(day);
        if (day >= FIRST_TRAINING_DAY) {
          addTrainingExamples(games);
        }
        games.forEach(this::remember);
      }
      LOG.info("loaded {} player-game rows from {} gamebooks", rowsLoaded, parsed);

      WarehousePlayerGameHistory history =
          new WarehousePlayerGameHistory(warehouse, config.playerGameTable());
      FeatureExtractor extractor = FeatureExtractor.builder(history).schema(SCHEMA).build();
      Path modelFile = config.directory().resolve("model.json");
      ModelMetadata metadata = train(extractor, modelFile);
      int trees = treeCount(modelFile);

      LocalDate day = config.predictedDay();
      List<Matchup> slate = league.schedule(day, config.historyDays());
      List<PredictionRequest> requests = new ArrayList<>();
      Map<String, Long> tiers = new TreeMap<>();
      List<FeatureRequest> featureRequests = new ArrayList<>();
      List<String> gameIds = new ArrayList<>();
      for (Matchup matchup : slate) {
        for (TeamSide side : TeamSide.values()) {
          for (String player :
              league.rosterKeys(side == TeamSide.AWAY ? matchup.away() : matchup.home())) {
            featureRequests.add(featureRequest(player, day, matchup, side));
            gameIds.add(matchup.gameId());
          }
        }
      }
      List<FeatureVector> vectors = extractor.extractAll(featureRequests);
      QualityScorer scorer = new QualityScorer();
      for (int i = 0; i < vectors.size(); i++) {
        FeatureRequest featureRequest = featureRequests.get(i);
        QualityReport quality = scorer.score(vectors.get(i));
        tiers.merge(quality.tier().name(), 1L, Long::sum);
        PredictionRequest request =
            PredictionRequest.of(featureRequest.playerLookup(), gameIds.get(i), day, vectors.get(i))
                .withQualityScore(quality.score());
        OptionalDouble line = featureRequest.line();
        requests.add(line.isPresent() ? request.withLine(line.getAsDouble()) : request);
      }

      FanOut fanOut;
      try (CatBoostPredictor predictor =
              CatBoostPredictor.builder(modelFile)
                  .metadata(metadata)
                  .schema(SCHEMA)
                  .modelId(SYSTEM_ID)
                  .build();
          LeaseLock lock =
              new LeaseLock(
                  store,
                  LeaseLockConfig.builder()
                      .owner("demo-coordinator")
                      .pollInterval(Duration.ofMillis(50))
                      .waitBudget(Duration.ofSeconds(60))
                      .clock(clock)
                      .build())) {
        fanOut = fanOut(requests, predictor, lock);
      }

      // The games are played: load the day, then grade.
      List<Gamebook> played = loadDay(config.historyDays());
      List<ActualResult> actuals = new ArrayList<>();
      for (Gamebook gamebook : played) {
        actuals.addAll(actuals(gamebook));
      }
      GradingResult graded = new Grader().grade(fanOut.predictions(), actuals);
      List<GradedRow> gradedRows = graded.rows().stream().map(GradedRow::of).toList();
      var accuracy =
          new AccuracyMonitor(AccuracyMonitorConfig.defaults()).report(graded.rows()).overall();
      Map<String, Long> recommendations = new TreeMap<>();
      for (Prediction prediction : fanOut.predictions()) {
        recommendations.merge(prediction.recommendation().name(), 1L, Long::sum);
      }
      long active =
          warehouse
              .query(
                  "SELECT COUNT(*) AS n FROM "
                      + config.predictionsTable().qualifiedName()
                      + " WHERE game_date = DATE '"
                      + day
                      + "' AND is_active")
              .get(0)
              .getLong("n")
              .orElse(0L);
      return new DemoReport(
          config.directory(),
          day,
          parsed,
          complete,
          rowsLoaded,
          trainingRequests.size(),
          trees,
          fanOut.predictions().size(),
          tiers,
          recommendations,
          fanOut.stagingTables(),
          fanOut.completions(),
          fanOut.consolidation(),
          fanOut.rerun(),
          active,
          accuracy,
          gradedRows,
          writeReport(gradedRows, List.of(fanOut.consolidation())));
    }

    private Path writeReport(List<GradedRow> rows, List<ConsolidationReport> consolidations) {
      List<StepTiming> timings = new ArrayList<>();
      for (ConsolidationReport consolidation : consolidations) {
        for (ConsolidationReport.StepTiming step : consolidation.timings()) {
          timings.add(
              new StepTiming(
                  consolidation.partition(), step.step().name(), step.elapsed().toMillis()));
        }
      }
      return ReportFolder.builder(
              "Courtside demo: seed " + config.seed() + ", " + config.teams() + " teams", rows)
          .timings(timings)
          .fact("gamebook PDFs rendered and parsed", Integer.toString(parsed))
          .fact("player-game rows loaded", Long.toString(rowsLoaded))
          .fact("training vectors", Integer.toString(trainingRequests.size()))
          .build()
          .writeTo(config.directory().resolve("report"));
    }

    /** Renders, parses and loads one game day; returns the parsed gamebooks. */
    private List<Gamebook> loadDay(int round) {
      LocalDate date = config.firstDay().plusDays(round);
      List<Gamebook> games = new ArrayList<>();
      List<Row> rows = new ArrayList<>();
      for (Matchup matchup : league.schedule(date, round)) {
        byte[] pdf = writer.write(league.play(matchup));
        try {
          Files.write(gamebooks.resolve(matchup.gameId() + ".pdf"), pdf);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write the gamebook of " + matchup.gameId(), e);
        }
        Gamebook gamebook = parser.parse(pdf);
        if (gamebook.status() == ParseStatus.FAILED) {
          throw new CourtsideException(
              "gamebook "
                  + matchup.gameId()
                  + " failed to parse: "
                  + gamebook.failureReason().orElse("no reason given"));
        }
        parsed++;
        if (gamebook.status() == ParseStatus.COMPLETE && gamebook.checksPassed()) {
          complete++;
        }
        games.add(gamebook);
        rows.addAll(playerGameRows(gamebook, matchup));
      }
      rowsLoaded += warehouse.replacePartition(config.playerGameTable(), date, rows);
      return games;
    }

    private List<Row> playerGameRows(Gamebook gamebook, Matchup matchup) {
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

    /** Records the played games' points, so lines can be set for later days. */
    private void remember(Gamebook gamebook) {
      for (ActivePlayer player : gamebook.activePlayers()) {
        pointsByPlayer
            .computeIfAbsent(player.name().lookupKey(), key -> new ArrayList<>())
            .add(player.stats().points());
      }
    }

    private void addTrainingExamples(List<Gamebook> games) {
      for (Gamebook gamebook : games) {
        LocalDate date = gamebook.game().date().orElseThrow();
        String away = tricode(gamebook, TeamSide.AWAY);
        String home = tricode(gamebook, TeamSide.HOME);
        for (ActivePlayer player : gamebook.activePlayers()) {
          String key = player.name().lookupKey();
          boolean atHome = player.side() == TeamSide.HOME;
          FeatureRequest.Builder request =
              FeatureRequest.builder(key, date).opponent(atHome ? away : home).home(atHome);
          line(key).ifPresent(request::line);
          trainingRequests.add(request.build());
          trainingTargets.add((double) player.stats().points());
        }
      }
    }

    private FeatureRequest featureRequest(
        String player, LocalDate day, Matchup matchup, TeamSide side) {
      boolean atHome = side == TeamSide.HOME;
      FeatureRequest.Builder request =
          FeatureRequest.builder(player, day)
              .opponent((atHome ? matchup.away() : matchup.home()).tricode())
              .home(atHome);
      line(player).ifPresent(request::line);
      return request.build();
    }

    /** The demo's sportsbook: the average of the last ten games, on the half point. */
    private OptionalDouble line(String player) {
      List<Integer> points = pointsByPlayer.getOrDefault(player, List.of());
      if (points.size() < 3) {
        return OptionalDouble.empty();
      }
      List<Integer> recent = points.subList(Math.max(0, points.size() - 10), points.size());
      double average = recent.stream().mapToInt(Integer::intValue).average().orElse(0);
      return OptionalDouble.of(Math.floor(average) + 0.5);
    }

    private ModelMetadata train(FeatureExtractor extractor, Path modelFile) {
      List<FeatureVector> vectors = extractor.extractAll(trainingRequests);
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
      double[] targets = trainingTargets.stream().mapToDouble(Double::doubleValue).toArray();
      ObliviousTreeModel model =
          new ObliviousTreeBooster(
                  BoosterConfig.builder().trees(60).depth(4).learningRate(0.15).build())
              .train(new TrainingSet(names, rows, targets));
      model.writeTo(modelFile);
      ModelMetadata metadata = new ModelMetadata(SYSTEM_ID, names, medians);
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
      return metadata;
    }

    private int treeCount(Path modelFile) {
      try {
        return new ObjectMapper().readTree(modelFile.toFile()).path("oblivious_trees").size();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + modelFile, e);
      }
    }

    private FanOut fanOut(
        List<PredictionRequest> requests, CatBoostPredictor predictor, LeaseLock lock) {
      LocalDate day = config.predictedDay();
      List<String> players = requests.stream().map(PredictionRequest::playerLookup).toList();
      CompletionTracker tracker =
          new CompletionTracker(store, CompletionTrackerConfig.builder().clock(clock).build());
      BatchId batch = tracker.start(day.toString(), players);
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
          String worker = "worker-" + w;
          results.add(
              pool.submit(
                  () -> {
                    List<Prediction> mine = predictor.predictAll(share);
                    predictions.addAll(mine);
                    StagingWriteResult staged =
                        StagingWriter.of(warehouse, config.predictionsTable(), batchId, worker)
                            .write(predictionRows(mine));
                    for (Prediction prediction : mine) {
                      RecordOutcome outcome =
                          tracker.record(
                              batch,
                              prediction.playerLookup(),
                              Completion.staged(1, staged.stagingTable().table()));
                      // COMPLETED_BATCH, or RETRIGGER when an earlier trigger was never
                      // consumed: consolidate (idempotent), then mark the batch consumed
                      if (outcome.isTrigger()) {
                        if (outcome.completedBatch()) {
                          completions.incrementAndGet();
                        }
                        consolidations.add(consolidator.consolidate(batchId, day));
                        tracker.markConsumed(outcome.claim().orElseThrow());
                      }
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
            "expected exactly one consolidation trigger, got " + consolidations.size());
      }
      ConsolidationReport rerun = consolidator.consolidate(batchId, day);
      return new FanOut(
          List.copyOf(predictions),
          config.workers(),
          completions.get(),
          consolidations.get(0),
          rerun);
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

    private List<ActualResult> actuals(Gamebook gamebook) {
      String gameId =
          gamebook.game().date().orElseThrow().toString().replace("-", "")
              + "_"
              + tricode(gamebook, TeamSide.AWAY)
              + "_"
              + tricode(gamebook, TeamSide.HOME);
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
      int stagingTables,
      int completions,
      ConsolidationReport consolidation,
      ConsolidationReport rerun) {}
}
