package dev.cairn.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The module dependency rules of docs/architecture.md, checked on the compiled main classes of
 * every module (this module's test classpath holds them all). Maven already forbids cycles; these
 * rules also forbid reaching a module through a transitive dependency it may not use, and keep the
 * pure modules free of the Kubernetes client.
 */
class ArchitectureTest {

  /** Each module and the modules it declares; a module may use these and what they may use. */
  static final Map<String, List<String>> DECLARED = new LinkedHashMap<>();

  static {
    DECLARED.put("manifest", List.of());
    DECLARED.put("api", List.of("manifest"));
    DECLARED.put("kustomize", List.of("manifest"));
    DECLARED.put("health", List.of("manifest"));
    DECLARED.put("secrets", List.of("manifest"));
    DECLARED.put("source", List.of("api"));
    DECLARED.put("render", List.of("api", "source", "kustomize", "secrets"));
    DECLARED.put("apply", List.of("health", "manifest"));
    DECLARED.put("notify", List.of("api"));
    DECLARED.put("image", List.of("api", "source"));
    DECLARED.put(
        "engine",
        List.of("api", "source", "render", "apply", "health", "notify", "secrets", "image"));
    DECLARED.put("controller", List.of("engine", "image", "notify"));
    DECLARED.put("server", List.of("engine"));
    DECLARED.put("sim", List.of("api"));
    DECLARED.put("testkit", List.of("sim"));
    DECLARED.put("cli", List.of("controller", "server", "render", "secrets", "sim"));
    DECLARED.put("bench", List.of("kustomize", "controller", "sim"));
  }

  /**
   * Test libraries: no runtime code may use them. The test kit's main code is test support (its
   * JUnit extension, fixtures that wait with Awaitility), so it is the one exception.
   */
  static final String[] TEST_LIBRARIES = {
    "org.junit..",
    "org.awaitility..",
    "org.assertj..",
    "org.hamcrest..",
    "io.fabric8.mockwebserver..",
    "io.fabric8.kubernetes.client.server.mock..",
    "okhttp3.mockwebserver..",
  };

  static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cairn");
  }

  @Test
  void theRulesSeeTheCompiledModules() {
    // Guards against the rules passing vacuously because no class was imported.
    org.assertj.core.api.Assertions.assertThat(classes.contain("dev.cairn.cli.Main")).isTrue();
    org.assertj.core.api.Assertions.assertThat(classes.contain("dev.cairn.bench.FleetBench"))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(
            classes.contain("dev.cairn.sim.cluster.SimulatedCluster"))
        .isTrue();
  }

  static Set<String> allowed(String module) {
    Set<String> result = new LinkedHashSet<>();
    result.add(module);
    for (String dependency : DECLARED.get(module)) {
      result.addAll(allowed(dependency));
    }
    return result;
  }

  @TestFactory
  Stream<DynamicTest> noModuleUsesAModuleItDoesNotDependOn() {
    return DECLARED.keySet().stream()
        .map(
            module ->
                DynamicTest.dynamicTest(
                    module,
                    () -> {
                      Set<String> allowed = allowed(module);
                      String[] forbidden =
                          DECLARED.keySet().stream()
                              .filter(other -> !allowed.contains(other))
                              .map(other -> "dev.cairn." + other + "..")
                              .toArray(String[]::new);
                      if (forbidden.length == 0) {
                        return;
                      }
                      noClasses()
                          .that()
                          .resideInAPackage("dev.cairn." + module + "..")
                          .should()
                          .dependOnClassesThat()
                          .resideInAnyPackage(forbidden)
                          .allowEmptyShould(true)
                          .check(classes);
                    }));
  }

  @Test
  void pureModulesNeverImportTheKubernetesClient() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.cairn.manifest..",
            "dev.cairn.kustomize..",
            "dev.cairn.render..",
            "dev.cairn.health..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.fabric8.kubernetes.client..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void secretsNeverImportsFabric8() {
    noClasses()
        .that()
        .resideInAPackage("dev.cairn.secrets..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.fabric8..")
        .check(classes);
  }

  @Test
  void engineNeverImportsTheOperatorFramework() {
    noClasses()
        .that()
        .resideInAPackage("dev.cairn.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.javaoperatorsdk..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void noMainCodeUsesTheTestKit() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.cairn.testkit..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.cairn.testkit..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void onlyTheCommandLineAndTheBenchmarksUseTheSimulatorFromMainCode() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "dev.cairn.sim..", "dev.cairn.cli..", "dev.cairn.bench..", "dev.cairn.testkit..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.cairn.sim..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void noRuntimeCodeUsesATestLibrary() {
    noClasses()
        .that()
        .resideInAPackage("dev.cairn..")
        .and()
        .resideOutsideOfPackage("dev.cairn.testkit..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(TEST_LIBRARIES)
        .check(classes);
  }
}
