package io.github.courtside.bigquery.local.internal.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zetasql.SimpleCatalog;
import com.google.zetasql.ZetaSQLBuiltinFunctionOptions;
import com.google.zetasql.resolvedast.ResolvedNodes.ResolvedQueryStmt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One registered catalog per table set; fresh catalogs carry the builtins; LRU unregisters. */
class RegisteredCatalogsTest {
  private final GoogleSqlAnalyzer analyzer = GoogleSqlAnalyzer.shared();

  @Test
  void reusesTheCatalogOfATableSetAndUnregistersTheLeastRecentlyUsed() {
    RegisteredCatalogs catalogs =
        new RegisteredCatalogs(
            new ZetaSQLBuiltinFunctionOptions(
                new com.google.zetasql.LanguageOptions().enableMaximumLanguageFeatures()),
            2);
    assertTrue(catalogs.copiesBuiltins(), "builtins copied, not fetched again per catalog");
    SimpleCatalog copied = catalogs.newCatalog();
    assertTrue(
        copied.getFunctionByFullName("ZetaSQL:safe_cast") != null
            || copied.getFunctionByFullName("ZetaSQL:date_diff") != null,
        "the copy holds the builtin functions");
    SimpleCatalog once = catalogs.registered("a", catalogs.newCatalog());
    assertFalse(once.isRegistered(), "a table set seen once is analysed unregistered");
    SimpleCatalog first = catalogs.registered("a", catalogs.newCatalog());
    assertTrue(first.isRegistered(), "the second time it is registered");
    assertSame(first, catalogs.registered("a", catalogs.newCatalog()), "same tables, same catalog");
    catalogs.registered("b", catalogs.newCatalog());
    assertNotSame(first, catalogs.registered("b", catalogs.newCatalog()));
    List<SimpleCatalog> later = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      catalogs.registered("c" + i, catalogs.newCatalog());
      later.add(catalogs.registered("c" + i, catalogs.newCatalog()));
    }
    assertEquals(2, catalogs.size());
    assertFalse(first.isRegistered(), "the least recently used was unregistered");
    assertTrue(later.get(later.size() - 1).isRegistered());
  }

  @Test
  void aCatalogCopiedFromThePrototypeResolvesBuiltinFunctions() {
    com.google.zetasql.ParseResumeLocation location =
        new com.google.zetasql.ParseResumeLocation(
            "SELECT SAFE_CAST('1' AS INT64) + DATE_DIFF(CURRENT_DATE(), DATE '2024-01-01', DAY)");
    var statement =
        analyzer.analyzeNext(location, analyzer.options(java.util.Map.of(), List.of()), c -> "");
    assertTrue(statement instanceof ResolvedQueryStmt, statement.getClass().getName());
  }
}
