package dev.cairn.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.YamlReader;
import dev.cel.runtime.CelRuntime;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CelHealthCheckTest {

  private static final String IN_PROGRESS = "status.phase in ['Pending', 'Provisioning']";
  private static final String FAILED = "status.phase == 'Failed'";
  private static final String CURRENT = "status.phase == 'Running'";

  private static final HealthCheckExpr DATABASE =
      HealthCheckExpr.of("example.com/v1", "Database", CURRENT)
          .withInProgress(IN_PROGRESS)
          .withFailed(FAILED);

  private static KubeObject database(String apiVersion, String status) {
    String yaml =
        "apiVersion: "
            + apiVersion
            + "\nkind: Database\nmetadata:\n  name: orders\n  namespace: shop\n  generation: 2\n"
            + "spec:\n  size: 3\n"
            + status;
    return YamlReader.defaults().readObjects("database.yaml", yaml).get(0);
  }

  private static KubeObject database(String status) {
    return database("example.com/v1", status);
  }

  @ParameterizedTest(name = "phase {0} is {1}")
  @CsvSource({
    "Running, CURRENT, health expression 'current' is true",
    "Failed, FAILED, health expression 'failed' is true",
    "Pending, IN_PROGRESS, health expression 'inProgress' is true",
    "Provisioning, IN_PROGRESS, health expression 'inProgress' is true",
    "Resizing, IN_PROGRESS, no health expression is true yet (current: status.phase == 'Running')"
  })
  void eachExpressionDecidesItsStatus(String phase, HealthStatus expected, String message) {
    Health health =
        HealthChecks.withExpressions(List.of(DATABASE))
            .check(database("status:\n  phase: " + phase + "\n"));

    assertThat(health.status()).isEqualTo(expected);
    assertThat(health.message()).contains(message);
  }

  @Test
  void inProgressIsEvaluatedBeforeFailedAndFailedBeforeCurrent() {
    KubeObject running = database("status:\n  phase: Running\n");
    HealthCheckExpr allTrue = HealthCheckExpr.of("example.com/v1", "Database", "true");

    assertThat(check(allTrue.withInProgress("true").withFailed("true"), running).status())
        .isEqualTo(HealthStatus.IN_PROGRESS);
    assertThat(check(allTrue.withFailed("true"), running).status()).isEqualTo(HealthStatus.FAILED);
    assertThat(check(allTrue.withInProgress("false").withFailed("false"), running).status())
        .isEqualTo(HealthStatus.CURRENT);
  }

  @Test
  void onlyCurrentGivenAndFalseIsInProgress() {
    HealthCheckExpr onlyCurrent = HealthCheckExpr.of("example.com/v1", "Database", CURRENT);

    Health health = check(onlyCurrent, database("status:\n  phase: Failed\n"));

    assertThat(health.status()).isEqualTo(HealthStatus.IN_PROGRESS);
  }

  @Test
  void objectIsBoundAsSelfAndByTopLevelFieldsLikeFlux() {
    KubeObject running = database("status:\n  phase: Running\n");

    assertThat(
            check(
                    HealthCheckExpr.of(
                        "example.com/v1",
                        "Database",
                        "self.status.phase == 'Running' && self.spec.size == 3"),
                    running)
                .status())
        .isEqualTo(HealthStatus.CURRENT);
    assertThat(
            check(
                    HealthCheckExpr.of(
                        "example.com/v1",
                        "Database",
                        "kind == 'Database' && metadata.name == 'orders' && spec.size == 3"),
                    running)
                .status())
        .isEqualTo(HealthStatus.CURRENT);
  }

  @Test
  void conditionExpressionsInTheFluxCheatsheetStyleWork() {
    HealthCheckExpr certificate =
        HealthCheckExpr.of(
                "cert-manager.io/v1",
                "Certificate",
                "status.conditions.filter(e, e.type == 'Ready').all(e, e.observedGeneration == metadata.generation && e.status == 'True')")
            .withInProgress(
                "status.conditions.filter(e, e.type == 'Issuing').all(e, e.observedGeneration == metadata.generation && e.status == 'True')")
            .withFailed(
                "status.conditions.filter(e, e.type == 'Ready').all(e, e.observedGeneration == metadata.generation && e.status == 'False')");
    String yaml =
        """
        apiVersion: cert-manager.io/v1
        kind: Certificate
        metadata:
          name: tls
          generation: 1
        status:
          conditions:
            - type: Ready
              status: "False"
              observedGeneration: 1
              reason: DoesNotExist
              message: Issuing certificate as Secret does not exist
            - type: Issuing
              status: "False"
              observedGeneration: 1
        """;
    KubeObject object = YamlReader.defaults().readObjects("cert.yaml", yaml).get(0);

    Health health = check(certificate, object);

    assertThat(health.status()).isEqualTo(HealthStatus.FAILED);
    assertThat(health.message())
        .isEqualTo(
            "health expression 'failed' is true: DoesNotExist: Issuing certificate as Secret does not exist");
  }

  @Test
  void optionalFieldSyntaxHandlesAnObjectWithoutStatus() {
    HealthCheckExpr expr =
        HealthCheckExpr.of(
            "example.com/v1",
            "Database",
            "status.?conditions.orValue([]).exists(c, c.type == 'Ready' && c.status == 'True')");

    Health health = check(expr, database(""));

    assertThat(health.status()).isEqualTo(HealthStatus.IN_PROGRESS);
  }

  @Test
  void evaluationErrorIsUnknownAndNamesTheExpression() {
    HealthCheckExpr expr = HealthCheckExpr.of("example.com/v1", "Database", "status.ready == true");

    Health health = check(expr, database("status:\n  phase: Running\n"));

    assertThat(health.status()).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(health.message())
        .contains("health expression 'current' for Database could not be evaluated")
        .contains("'ready'")
        .contains("(expression: status.ready == true)");
  }

  @Test
  void nonBooleanResultIsUnknown() {
    HealthCheckExpr expr = HealthCheckExpr.of("example.com/v1", "Database", "spec.size");

    Health health = check(expr, database("status:\n  phase: Running\n"));

    assertThat(health.status()).isEqualTo(HealthStatus.UNKNOWN);
    assertThat(health.message()).contains("returned Long, not a bool (expression: spec.size)");
  }

  @Test
  void syntaxErrorIsReportedWithExpressionAndPosition() {
    HealthCheckExpr expr = HealthCheckExpr.of("example.com/v1", "Database", "status.phase ==");

    assertThatThrownBy(() -> HealthChecks.withExpressions(List.of(expr)))
        .isInstanceOfSatisfying(
            HealthExpressionException.class,
            e -> {
              assertThat(e.expression()).isEqualTo("status.phase ==");
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.column()).isEqualTo(16);
              assertThat(e.getMessage())
                  .startsWith(
                      "invalid CEL expression for current of example.com/v1 Database at 1:16: ")
                  .endsWith("in expression \"status.phase ==\"");
            });
  }

  @Test
  void undeclaredVariableIsACompileErrorInTheNamedExpression() {
    HealthCheckExpr expr =
        HealthCheckExpr.of("example.com/v1", "Database", CURRENT).withFailed("state == 'Failed'");

    assertThatThrownBy(() -> HealthChecks.withExpressions(List.of(expr)))
        .isInstanceOfSatisfying(
            HealthExpressionException.class,
            e -> {
              assertThat(e.column()).isEqualTo(1);
              assertThat(e.getMessage())
                  .contains(
                      "failed of example.com/v1 Database at 1:1: undeclared reference to 'state'");
            });
  }

  @Test
  void eachExpressionIsCompiledOnceAndShared() {
    ExpressionCompiler compiler = new ExpressionCompiler();

    CelRuntime.Program first = compiler.compile(CURRENT, "test");
    CelRuntime.Program second = compiler.compile(CURRENT, "test");
    compiler.compile(FAILED, "test");

    assertThat(second).isSameAs(first);
    assertThat(compiler.cachedCount()).isEqualTo(2);
  }

  @Test
  void concurrentCompilationsOfOneExpressionAgreeOnOneProgram() {
    ExpressionCompiler compiler = new ExpressionCompiler();
    Set<CelRuntime.Program> programs = ConcurrentHashMap.newKeySet();

    IntStream.range(0, 64)
        .parallel()
        .forEach(i -> programs.add(compiler.compile(IN_PROGRESS, "test")));

    assertThat(programs).hasSize(1);
    assertThat(compiler.cachedCount()).isEqualTo(1);
  }

  @Test
  void registriesBuiltFromTheSameExpressionsReuseTheCompiledPrograms() {
    HealthCheckExpr unique =
        HealthCheckExpr.of(
            "example.com/v1", "Database", "status.phase == 'Cached-" + System.nanoTime() + "'");
    HealthChecks.withExpressions(List.of(unique));
    int after = ExpressionCompiler.shared().cachedCount();

    HealthChecks.withExpressions(List.of(unique));

    assertThat(ExpressionCompiler.shared().cachedCount()).isEqualTo(after);
  }

  @Test
  void generationNotObservedWinsOverExpressions() {
    KubeObject stale = database("status:\n  observedGeneration: 1\n  phase: Running\n");

    Health health = check(DATABASE, stale);

    assertThat(health.status()).isEqualTo(HealthStatus.IN_PROGRESS);
    assertThat(health.message()).contains("generation 2 not yet observed");
  }

  @Test
  void deletionWinsOverExpressions() {
    String yaml =
        "apiVersion: example.com/v1\nkind: Database\nmetadata:\n  name: orders\n"
            + "  deletionTimestamp: \"2026-11-23T10:00:00Z\"\nstatus:\n  phase: Running\n";
    KubeObject deleting = YamlReader.defaults().readObjects("db.yaml", yaml).get(0);

    assertThat(check(DATABASE, deleting).status()).isEqualTo(HealthStatus.TERMINATING);
  }

  @Test
  void expressionsMatchGroupAndKindWhateverTheVersion() {
    KubeObject v2 = database("example.com/v2", "status:\n  phase: Failed\n");
    KubeObject otherGroup = database("other.example.org/v1", "status:\n  phase: Failed\n");

    assertThat(check(DATABASE, v2).status()).isEqualTo(HealthStatus.FAILED);
    assertThat(check(DATABASE, otherGroup))
        .as("no expressions for other.example.org: generic rules, no Ready condition")
        .isEqualTo(Health.current("no Ready condition reported"));
  }

  @Test
  void expressionsReplaceTheBuiltInCheckOfTheirKind() {
    KubeObject progressing = Fixtures.load("deployment-progressing");
    HealthCheckExpr twoReady =
        HealthCheckExpr.of("apps/v1", "Deployment", "status.readyReplicas >= 2");

    assertThat(HealthChecks.defaults().check(progressing).status())
        .isEqualTo(HealthStatus.IN_PROGRESS);
    assertThat(check(twoReady, progressing).status()).isEqualTo(HealthStatus.CURRENT);
  }

  @Test
  void currentExpressionIsRequired() {
    assertThatThrownBy(() -> new HealthCheckExpr("example.com/v1", "Database", " ", FAILED, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("example.com/v1 Database needs a 'current' expression");
    assertThatThrownBy(() -> HealthCheckExpr.of("", "Database", CURRENT))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void expressionsComposeWithCustomChecksAndLaterEntriesWin() {
    HealthChecks checks =
        HealthChecks.defaults()
            .withCheck("", "ConfigMap", o -> Health.failed("custom"))
            .andExpressions(List.of(HealthCheckExpr.of("example.com/v1", "Database", "false")))
            .andExpressions(List.of(DATABASE));

    assertThat(checks.check(Fixtures.load("configmap"))).isEqualTo(Health.failed("custom"));
    assertThat(checks.check(database("status:\n  phase: Running\n")).status())
        .isEqualTo(HealthStatus.CURRENT);
  }

  @Test
  void stringsExtensionIsAvailable() {
    HealthCheckExpr expr =
        HealthCheckExpr.of("example.com/v1", "Database", "status.phase.lowerAscii() == 'running'");

    assertThat(check(expr, database("status:\n  phase: RUNNING\n")).status())
        .isEqualTo(HealthStatus.CURRENT);
  }

  private static Health check(HealthCheckExpr expr, KubeObject object) {
    return HealthChecks.withExpressions(List.of(expr)).check(object);
  }
}
