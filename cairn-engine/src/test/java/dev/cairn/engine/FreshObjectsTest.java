package dev.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.Test;

/**
 * The guard against a controller cache that lags behind the engine's own writes: an object handed
 * in at the version a write replaced is swapped for what the write produced; any other version is
 * taken as it is, and a newer one ends the guard.
 */
class FreshObjectsTest {
  private final FreshObjects<ConfigMap> fresh = new FreshObjects<>();

  private static ConfigMap at(String resourceVersion, String marker) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withNamespace("ns")
        .withName("app")
        .withResourceVersion(resourceVersion)
        .endMetadata()
        .addToData("marker", marker)
        .build();
  }

  @Test
  void aHandedObjectAtTheReplacedVersionBecomesTheWrittenOne() {
    ConfigMap written = fresh.remember(at("1", "before"), at("2", "written"));

    assertThat(fresh.latest(at("1", "stale cache"))).isSameAs(written);
  }

  @Test
  void theCaughtUpOrANewerVersionIsTakenAsHanded() {
    fresh.remember(at("1", "before"), at("2", "written"));
    ConfigMap caughtUp = at("2", "cache");
    ConfigMap newer = at("3", "someone else wrote");

    assertThat(fresh.latest(caughtUp)).isSameAs(caughtUp);
    assertThat(fresh.latest(newer)).isSameAs(newer);
    // a version past the write ends the guard: the replaced version is no longer swapped
    ConfigMap old = at("1", "old");
    assertThat(fresh.latest(old)).isSameAs(old);
  }

  @Test
  void aWriteThatChangedNothingIsNotRemembered() {
    ConfigMap same = at("1", "unchanged");
    fresh.remember(same, same);
    ConfigMap handed = at("1", "cache");

    assertThat(fresh.latest(handed)).isSameAs(handed);
  }

  @Test
  void aForgottenObjectIsTakenAsHanded() {
    fresh.remember(at("1", "before"), at("2", "written"));
    fresh.forget(at("2", "written"));
    ConfigMap handed = at("1", "cache");

    assertThat(fresh.latest(handed)).isSameAs(handed);
  }
}
