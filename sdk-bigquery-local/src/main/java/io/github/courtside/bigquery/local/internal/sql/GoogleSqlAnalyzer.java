package io.github.courtside.bigquery.local.internal.sql;

import com.google.zetasql.Analyzer;
import com.google.zetasql.AnalyzerOptions;
import com.google.zetasql.LanguageOptions;
import com.google.zetasql.ParseResumeLocation;
import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.SqlException;
import com.google.zetasql.Type;
import com.google.zetasql.ZetaSQLBuiltinFunctionOptions;
import com.google.zetasql.ZetaSQLOptions.ErrorMessageMode;
import com.google.zetasql.ZetaSQLOptions.ParameterMode;
import com.google.zetasql.ZetaSQLOptions.ProductMode;
import com.google.zetasql.ZetaSQLOptions.ResolvedASTRewrite;
import com.google.zetasql.ZetaSQLType.TypeKind;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedStatement;
import io.github.courtside.bigquery.local.internal.ApiException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The ZetaSQL analyzer in BigQuery's language mode, set up once per JVM: maximum language features,
 * all statement kinds, PRODUCT_EXTERNAL (types print as FLOAT64), no rewrites (the compiler sees
 * the tree as written). Each statement is analysed against a catalog of the builtin functions and
 * the tables it references, registered with the native analyzer per table set ({@link
 * RegisteredCatalogs}); analyses are serialised by one lock.
 *
 * <p>FEATURE_DISALLOW_GROUP_BY_FLOAT stays off: BigQuery groups by FLOAT64 and accepts {@code IS
 * NOT DISTINCT FROM} on it (which the flag would refuse); it only refuses FLOAT64 in a window's
 * PARTITION BY, which ZetaSQL always refuses (I-1).
 */
final class GoogleSqlAnalyzer {
  private static final Pattern AT = Pattern.compile("\\s*\\[at (\\d+):(\\d+)\\]\\s*$");
  private static @Nullable GoogleSqlAnalyzer shared;

  private final LanguageOptions language;
  private final AnalyzerOptions plain;
  private final RegisteredCatalogs catalogs;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, List<List<String>>> tableNames =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<List<String>>> eldest) {
          return size() > 256;
        }
      };

  private GoogleSqlAnalyzer() {
    language = new LanguageOptions().enableMaximumLanguageFeatures();
    language.setSupportsAllStatementKinds();
    language.setProductMode(ProductMode.PRODUCT_EXTERNAL);
    plain = build(language, Map.of(), List.of());
    catalogs = new RegisteredCatalogs(new ZetaSQLBuiltinFunctionOptions(language));
  }

  /** The one analyzer of this JVM (the native library starts on first use, about 1.5 s). */
  static synchronized GoogleSqlAnalyzer shared() {
    if (shared == null) {
      shared = new GoogleSqlAnalyzer();
    }
    return shared;
  }

  AnalyzerOptions options(Map<String, Type> named, List<Type> positional) {
    return named.isEmpty() && positional.isEmpty() ? plain : build(language, named, positional);
  }

  private static AnalyzerOptions build(
      LanguageOptions language, Map<String, Type> named, List<Type> positional) {
    AnalyzerOptions options = new AnalyzerOptions();
    options.setLanguageOptions(language);
    options.setEnabledRewrites(EnumSet.noneOf(ResolvedASTRewrite.class));
    options.setErrorMessageMode(ErrorMessageMode.ERROR_MESSAGE_ONE_LINE);
    options.setDefaultTimezone("UTC");
    options.addDdlPseudoColumn("_PARTITIONDATE", ZetaTypes.simple(TypeKind.TYPE_DATE));
    options.addDdlPseudoColumn("_PARTITIONTIME", ZetaTypes.simple(TypeKind.TYPE_TIMESTAMP));
    if (!positional.isEmpty()) {
      options.setParameterMode(ParameterMode.PARAMETER_POSITIONAL);
      positional.forEach(options::addPositionalQueryParameter);
    } else {
      named.forEach(options::addQueryParameter);
    }
    return options;
  }

  /** The table names of the statement starting at {@code position}, cached by its text. */
  List<List<String>> tableNames(String sql, int position, AnalyzerOptions options) {
    String key = position + ":" + sql;
    synchronized (tableNames) {
      List<List<String>> cached = tableNames.get(key);
      if (cached != null) {
        return cached;
      }
    }
    List<List<String>> names;
    try {
      ParseResumeLocation location = new ParseResumeLocation(sql);
      location.setBytePosition(position);
      names = List.copyOf(Analyzer.extractTableNamesFromNextStatement(location, options));
    } catch (SqlException e) {
      throw invalid(e);
    }
    synchronized (tableNames) {
      tableNames.put(key, names);
    }
    return names;
  }

  /** The tables one statement sees. */
  interface CatalogTables {
    /**
     * Adds the tables to {@code catalog}; returns their signature: equal signatures mean catalogs
     * with equal contents (table paths as written, column names and types).
     */
    String addTo(SimpleCatalog catalog);
  }

  /**
   * Analyses the statement at the location (advancing it) against a catalog of the builtin
   * functions and {@code tables}: a registered one when these tables were seen before.
   */
  ResolvedStatement analyzeNext(
      ParseResumeLocation location, AnalyzerOptions options, CatalogTables tables) {
    lock.lock();
    try {
      SimpleCatalog fresh = catalogs.newCatalog();
      String signature = tables.addTo(fresh);
      return Analyzer.analyzeNextStatement(
          location, options, catalogs.registered(signature, fresh));
    } finally {
      lock.unlock();
    }
  }

  /** ZetaSQL's error as BigQuery reports it: "message at [L:C]" with location "L:C". */
  static ApiException invalid(SqlException e) {
    String message = e.getMessage() == null ? "Invalid query" : e.getMessage();
    if (message.startsWith("INVALID_ARGUMENT: ")) {
      message = message.substring("INVALID_ARGUMENT: ".length());
    }
    Matcher m = AT.matcher(message);
    if (m.find()) {
      String location = m.group(1) + ":" + m.group(2);
      return ApiException.invalidQuery(
          message.substring(0, m.start()) + " at [" + location + "]", location);
    }
    return ApiException.invalidQuery(message, null);
  }
}
