package dev.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.ConditionReasons;
import org.junit.jupiter.api.Test;

class TenancyTest {

  @Test
  void blocksOnlyReferencesIntoAnotherNamespace() {
    Tenancy locked = Tenancy.open().withNoCrossNamespaceRefs(true);

    assertThatCode(() -> locked.checkReference("team-a", "HelmChart", null, "web"))
        .doesNotThrowAnyException();
    assertThatCode(() -> locked.checkReference("team-a", "HelmChart", "team-a", "web"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> locked.checkReference("team-a", "HelmRepository", "shared", "charts"))
        .isInstanceOfSatisfying(
            ReconcileException.Failed.class,
            e -> assertThat(e.reason()).isEqualTo(ConditionReasons.ACCESS_DENIED))
        .hasMessage(
            "cannot access 'HelmRepository/shared/charts', cross-namespace references have been"
                + " blocked");
  }

  @Test
  void openTenancyAllowsCrossNamespaceReferences() {
    assertThatCode(() -> Tenancy.open().checkReference("team-a", "GitRepository", "infra", "x"))
        .doesNotThrowAnyException();
  }

  @Test
  void theDefaultServiceAccountFillsOnlyAnEmptyName() {
    Tenancy tenancy = Tenancy.open().withDefaultServiceAccount(" deployer ");

    assertThat(tenancy.serviceAccountOf(null)).isEqualTo("deployer");
    assertThat(tenancy.serviceAccountOf("")).isEqualTo("deployer");
    assertThat(tenancy.serviceAccountOf("own")).isEqualTo("own");
    assertThat(Tenancy.open().serviceAccountOf(null)).isNull();
  }
}
