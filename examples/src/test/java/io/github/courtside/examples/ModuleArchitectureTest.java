package io.github.courtside.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The direction of module dependencies is the architecture: adapters depend on core, core on no
 * adapter, models and scrapers never see a warehouse or coordination backend, and no library module
 * sees the testkit (which depends on them).
 */
@AnalyzeClasses(
    packages = "io.github.courtside",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleArchitectureTest {
  private static final String[] BACKENDS = {
    "io.github.courtside.duckdb..",
    "io.github.courtside.bigquery..",
    "io.github.courtside.firestore..",
    "org.duckdb..",
    "com.google.cloud.."
  };

  @ArchTest
  static final ArchRule coreDependsOnNoOtherModule =
      noClasses()
          .that()
          .resideInAPackage("io.github.courtside.core..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.github.courtside.duckdb..",
              "io.github.courtside.bigquery..",
              "io.github.courtside.firestore..",
              "io.github.courtside.models..",
              "io.github.courtside.scrapers..",
              "io.github.courtside.examples..");

  @ArchTest
  static final ArchRule modelsAndScrapersSeeNoBackend =
      noClasses()
          .that()
          .resideInAnyPackage("io.github.courtside.models..", "io.github.courtside.scrapers..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(BACKENDS);

  @ArchTest
  static final ArchRule libraryModulesDoNotDependOnTheTestkit =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.github.courtside.core..",
              "io.github.courtside.duckdb..",
              "io.github.courtside.bigquery..",
              "io.github.courtside.firestore..",
              "io.github.courtside.models..",
              "io.github.courtside.scrapers..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.github.courtside.testkit..")
          .because(
              "the testkit depends on the library modules and is for tests: a library artifact"
                  + " must not pull it into production");

  @ArchTest static final ArchRule duckdbSeesNoOtherModule = backendIsolated("duckdb");

  @ArchTest static final ArchRule bigquerySeesNoOtherModule = backendIsolated("bigquery");

  @ArchTest
  static final ArchRule bigQueryAdapterSeesNoLocalServerEngine =
      noClasses()
          .that()
          .resideInAPackage("io.github.courtside.bigquery..")
          .and()
          .resideOutsideOfPackage("io.github.courtside.bigquery.local..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.github.courtside.bigquery.local..", "org.duckdb..", "com.google.zetasql..")
          .because("the production adapter runs on BigQuery; the local server is for tests");

  @ArchTest static final ArchRule firestoreSeesNoOtherModule = backendIsolated("firestore");

  @ArchTest
  static final ArchRule libraryModulesDoNotPrintToTheConsole =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.github.courtside.examples..")
          // the local BigQuery's standalone main prints its addresses, as the CLI does
          .and()
          .doNotHaveFullyQualifiedName("io.github.courtside.bigquery.local.LocalBigQueryServer")
          .should()
          .accessField(System.class, "out")
          .orShould()
          .accessField(System.class, "err")
          .because("libraries log through SLF4J; only the CLI prints");

  private static ArchRule backendIsolated(String backend) {
    String[] others =
        java.util.stream.Stream.of(
                "duckdb", "bigquery", "firestore", "models", "scrapers", "examples")
            .filter(module -> !module.equals(backend))
            // The local BigQuery test server is DuckDB-backed.
            .filter(module -> !(backend.equals("bigquery") && module.equals("duckdb")))
            .map(module -> "io.github.courtside." + module + "..")
            .toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAPackage("io.github.courtside." + backend + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .because("each backend module depends on core only");
  }
}
