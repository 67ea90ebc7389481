package dev.cairn.kustomize;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** cairn-kustomize is a leaf library: no Kubernetes client, no network, no process launching. */
class DependencyRulesTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPath(Path.of("target/classes"));

  @Test
  void usesNoKubernetesClient() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.fabric8..", "io.kubernetes..", "io.javaoperatorsdk..")
        .check(CLASSES);
  }

  @Test
  void opensNoConnectionsAndStartsNoProcesses() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net.http..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.net.URL")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.lang.ProcessBuilder")
        .check(CLASSES);
  }

  @Test
  void dependsOnNoOtherCairnModuleThanManifest() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.cairn.api..",
            "dev.cairn.render..",
            "dev.cairn.source..",
            "dev.cairn.apply..",
            "dev.cairn.engine..")
        .check(CLASSES);
  }
}
