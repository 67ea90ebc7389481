package dev.cairn.engine.kustomize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.apply.Action;
import dev.cairn.apply.ChangeSet;
import dev.cairn.apply.ChangeSetEntry;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.ReconcileException;
import dev.cairn.manifest.ObjectId;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KustomizationEventsTest {

  @ParameterizedTest(name = "previous {0}/{1} -> new failure {2}")
  @CsvSource({
    "True, Applied revision: x, true",
    "False, bad yaml in a.yaml, false",
    "False, another failure, true",
    "Unknown, bad yaml in a.yaml, true",
  })
  void warnsOnlyWhenTheFailureMessageChanged(String status, String message, boolean expected) {
    KustomizationStatus previous = new KustomizationStatus();
    previous.setConditions(List.of(new Condition(null, message, 1L, "Whatever", status, "Ready")));
    ReconcileException error = new ReconcileException.Failed("BuildFailed", "bad yaml in a.yaml");

    assertThat(EventRecorder.isNewFailure(error, previous)).isEqualTo(expected);
  }

  @Test
  void firstFailureIsNew() {
    assertThat(EventRecorder.isNewFailure(new ReconcileException.Failed("BuildFailed", "x"), null))
        .isTrue();
  }

  @Test
  void describesOnlyRealChanges() {
    ObjectId a = new ObjectId("", "v1", "ConfigMap", "ns", "a");
    ObjectId b = new ObjectId("", "v1", "ConfigMap", "ns", "b");
    ObjectId c = new ObjectId("rbac.authorization.k8s.io", "v1", "ClusterRole", null, "c");
    ObjectId d = new ObjectId("", "v1", "ConfigMap", "ns", "d");
    ChangeSet changes =
        new ChangeSet(
            List.of(
                ChangeSetEntry.of(a, Action.CREATED, "created"),
                ChangeSetEntry.of(b, Action.UNCHANGED, "unchanged"),
                ChangeSetEntry.of(c, Action.CONFIGURED, "configured"),
                ChangeSetEntry.of(d, Action.DELETED, "deleted")));

    assertThat(KustomizationEvents.describe(changes))
        .isEqualTo("ConfigMap/ns/a created\nClusterRole/c configured\nConfigMap/ns/d deleted");
  }
}
