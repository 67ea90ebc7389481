package dev.cairn.health;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** cairn-health is pure: no Kubernetes client, no network, no files, no clocks it reads itself. */
class HealthPurityTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.cairn.health");

  @Test
  void noKubernetesClientOrOperatorFramework() {
    noClasses()
        .that()
        .resideInAPackage("dev.cairn.health..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.fabric8..", "io.javaoperatorsdk..", "okhttp3..", "io.vertx..")
        .check(MAIN);
  }

  @Test
  void noInputOrOutput() {
    noClasses()
        .that()
        .resideInAPackage("dev.cairn.health..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net..", "java.nio.file..", "java.net.http..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.File")
        .check(MAIN);
  }
}
