package dev.cairn.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HealthSummaryTest {

  @ParameterizedTest(name = "{0} with {1} is {2}")
  @CsvSource({
    "CURRENT, CURRENT, CURRENT",
    "CURRENT, IN_PROGRESS, IN_PROGRESS",
    "IN_PROGRESS, TERMINATING, TERMINATING",
    "UNKNOWN, TERMINATING, UNKNOWN",
    "NOT_FOUND, UNKNOWN, NOT_FOUND",
    "FAILED, NOT_FOUND, FAILED",
    "IN_PROGRESS, FAILED, FAILED"
  })
  void statusesCombineIntoTheWorst(HealthStatus a, HealthStatus b, HealthStatus worst) {
    assertThat(a.worst(b)).isEqualTo(worst);
    assertThat(b.worst(a)).isEqualTo(worst);
  }

  @Test
  void statusesUseKstatusSpelling() {
    assertThat(Stream.of(HealthStatus.values()).map(HealthStatus::displayName))
        .containsExactly("Current", "InProgress", "Terminating", "Unknown", "NotFound", "Failed");
  }

  @Test
  void summaryHasWorstStatusAndNotCurrentObjectsInOrder() {
    List<KubeObject> objects =
        Stream.of("deployment-current", "pod-crashloop", "pvc-pending", "configmap")
            .map(Fixtures::load)
            .collect(Collectors.toList());

    HealthSummary summary = HealthChecks.defaults().summarize(objects);

    assertThat(summary.status()).isEqualTo(HealthStatus.FAILED);
    assertThat(summary.total()).isEqualTo(4);
    assertThat(summary.notCurrent())
        .extracting(o -> o.id().toString())
        .containsExactly("Pod/jobs/worker-0", "PersistentVolumeClaim/data/data-db-0");
    assertThat(summary.withStatus(HealthStatus.IN_PROGRESS))
        .extracting(o -> o.health().message())
        .containsExactly("PVC is not Bound (phase Pending)");
    assertThat(summary.message())
        .isEqualTo(
            "2 of 4 objects are not Current: Pod/jobs/worker-0 Failed: containers in"
                + " CrashLoopBackOff: app (CrashLoopBackOff); PersistentVolumeClaim/data/data-db-0"
                + " InProgress: PVC is not Bound (phase Pending)");
  }

  @Test
  void allCurrentAndEmptySetsAreCurrent() {
    HealthSummary all =
        HealthChecks.defaults()
            .summarize(List.of(Fixtures.load("pvc-bound"), Fixtures.load("crd-established")));
    HealthSummary none = HealthSummary.of(List.of());

    assertThat(all.isCurrent()).isTrue();
    assertThat(all.message()).isEqualTo("all 2 objects are Current");
    assertThat(none.status()).isEqualTo(HealthStatus.CURRENT);
    assertThat(none.notCurrent()).isEmpty();
  }

  @Test
  void notFoundObjectsReportedByCallersCountAsNotCurrent() {
    ObjectId missing = new ObjectId("apps", "v1", "Deployment", "shop", "gone");
    HealthSummary summary =
        HealthSummary.of(
            List.of(
                new ObjectHealth(missing, Health.notFound()),
                new ObjectHealth(
                    new ObjectId("", "v1", "Pod", "shop", "p"), Health.inProgress("x"))));

    assertThat(summary.status()).isEqualTo(HealthStatus.NOT_FOUND);
    assertThat(summary.message()).contains("Deployment/shop/gone NotFound: object not found");
  }

  @Test
  void longListsAreShortenedInTheMessage() {
    List<ObjectHealth> many = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      many.add(
          new ObjectHealth(
              new ObjectId("", "v1", "Pod", "shop", "p" + i), Health.inProgress("starting")));
    }

    HealthSummary summary = HealthSummary.of(many);

    assertThat(summary.notCurrent()).hasSize(8);
    assertThat(summary.message())
        .startsWith("8 of 8 objects are not Current: Pod/shop/p0 InProgress: starting;")
        .contains("Pod/shop/p4")
        .doesNotContain("Pod/shop/p5")
        .endsWith("; and 3 more");
  }
}
