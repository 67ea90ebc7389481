package dev.cairn.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.manifest.ObjectId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeSetTest {
  private static final ObjectId WEB = new ObjectId("apps", "v1", "Deployment", "shop", "web");
  private static final ObjectId CM = new ObjectId("", "v1", "ConfigMap", "shop", "settings");

  @Test
  void findsEntriesIgnoringTheVersion() {
    ChangeSet set = new ChangeSet(List.of(ChangeSetEntry.of(WEB, Action.CONFIGURED, "configured")));

    assertThat(set.actionOf(new ObjectId("apps", "v1beta2", "Deployment", "shop", "web")))
        .contains(Action.CONFIGURED);
    assertThat(set.actionOf(CM)).isEmpty();
    assertThat(set.entries().get(0).version()).isEqualTo("apps/v1");
  }

  @Test
  void summarisesChangesAndFailures() {
    ChangeSet set =
        new ChangeSet(
            List.of(
                ChangeSetEntry.of(CM, Action.UNCHANGED, "unchanged"),
                ChangeSetEntry.failed(WEB, "forbidden")));

    assertThat(set.hasChanges()).isFalse();
    assertThat(set.hasFailures()).isTrue();
    assertThat(set.failures()).extracting(ChangeSetEntry::id).containsExactly(WEB);
    assertThat(set.summary()).containsEntry(Action.UNCHANGED, 1L).containsEntry(Action.UNKNOWN, 1L);
    assertThat(set.toString())
        .isEqualTo("ConfigMap/shop/settings unchanged\nDeployment/shop/web failed: forbidden");
  }

  @Test
  void optionsHaveDefaultsAndWithers() {
    ApplyOptions options =
        ApplyOptions.defaults()
            .withForce(true)
            .withWaitTimeout(Duration.ofSeconds(9))
            .withLabels(Map.of("cairn.dev/name", "a"));

    assertThat(ApplyOptions.defaults().fieldManager()).isEqualTo("cairn");
    assertThat(ApplyOptions.defaults().force()).isFalse();
    assertThat(options.force()).isTrue();
    assertThat(options.waitTimeout()).isEqualTo(Duration.ofSeconds(9));
    assertThat(options.labels()).containsEntry("cairn.dev/name", "a");
    assertThatThrownBy(() -> ApplyOptions.defaults().withFieldManager(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void immutableErrorsAreRecognised() {
    assertThat(
            new ClusterException(
                    422,
                    "Invalid",
                    "Job.batch \"x\" is invalid: spec.template: Invalid value: ...: field is immutable")
                .isImmutable())
        .isTrue();
    assertThat(new ClusterException(422, "Invalid", "spec.replicas: must be >= 0").isImmutable())
        .isFalse();
    assertThat(new ClusterException(409, "Conflict", "field is immutable").isImmutable()).isFalse();
  }
}
