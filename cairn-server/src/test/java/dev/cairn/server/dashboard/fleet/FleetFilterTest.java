package dev.cairn.server.dashboard.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetFilterTest {
  private final FleetObject apps = object("apps", "prod", "True", false, "Applied revision main");
  private final FleetObject broken =
      object("broken", "dev", "False", true, "kustomize build failed");

  static FleetObject object(
      String name, String namespace, String ready, boolean suspended, String message) {
    return new FleetObject(
        new FleetRef("Kustomization", namespace, name),
        "cairn.dev/v1",
        FleetHealth.UNKNOWN,
        ready,
        "",
        message,
        "main@sha1:abc",
        suspended,
        java.util.List.of(),
        java.util.List.of(),
        java.util.List.of(),
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
  }

  @Test
  void emptyFiltersMatchEverything() {
    FleetFilter none = FleetFilter.of(Map.of());
    assertThat(none.matches(apps)).isTrue();
    assertThat(none.matches(broken)).isTrue();
  }

  @Test
  void eachFilterNarrows() {
    assertThat(FleetFilter.of(Map.of("namespace", "dev")).matches(apps)).isFalse();
    assertThat(FleetFilter.of(Map.of("ready", "False")).matches(broken)).isTrue();
    assertThat(FleetFilter.of(Map.of("ready", "False")).matches(apps)).isFalse();
    assertThat(FleetFilter.of(Map.of("suspended", "true")).matches(broken)).isTrue();
    assertThat(FleetFilter.of(Map.of("suspended", "true")).matches(apps)).isFalse();
    assertThat(FleetFilter.of(Map.of("kind", "HelmRelease")).matches(apps)).isFalse();
    assertThat(FleetFilter.of(Map.of("q", "BUILD")).matches(broken)).isTrue();
    assertThat(FleetFilter.of(Map.of("q", "BUILD")).matches(apps)).isFalse();
  }
}
