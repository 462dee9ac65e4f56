package io.github.courtside.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** Guards what sdk-core may depend on: no cloud SDK, no JDBC driver, no native code, no cycles. */
@AnalyzeClasses(
    packages = "io.github.courtside.core",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule coreUsesNoCloudSdkJdbcOrNativeLibrary =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.google.cloud..",
              "com.google.api..",
              "com.google.zetasql..",
              "io.grpc..",
              "java.sql..",
              "javax.sql..",
              "org.duckdb..",
              "ai.catboost..",
              "org.apache.pdfbox..")
          .because("sdk-core is the port layer; adapters live in their own modules");

  @ArchTest
  static final ArchRule coreLoadsNoNativeLibrary =
      noClasses()
          .should()
          .callMethod(System.class, "loadLibrary", String.class)
          .orShould()
          .callMethod(System.class, "load", String.class)
          .orShould()
          .callMethod(Runtime.class, "loadLibrary", String.class)
          .because("sdk-core must run on any JVM without native code");

  @ArchTest
  static final ArchRule coreDeclaresNoNativeMethods =
      noClasses().should(declareNativeMethods()).because("sdk-core carries no JNI");

  @ArchTest
  static final ArchRule corePackagesAreFreeOfCycles =
      slices().matching("io.github.courtside.core.(**)").should().beFreeOfCycles();

  private static ArchCondition<JavaClass> declareNativeMethods() {
    return new ArchCondition<>("declare native methods") {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        javaClass.getMethods().stream()
            .filter(method -> method.getModifiers().contains(JavaModifier.NATIVE))
            .forEach(
                method ->
                    events.add(
                        SimpleConditionEvent.satisfied(
                            method, method.getFullName() + " is native")));
      }
    };
  }
}
