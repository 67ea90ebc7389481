package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.argo.SyncOperationResource;
import org.junit.jupiter.api.Test;

/** {@code cairn app sync --resource}: argocd's GROUP:KIND:NAME (or NAMESPACE/NAME). */
class AppSyncResourceTest {

  @Test
  void readsGroupKindAndName() {
    assertThat(AppSyncCommand.parse("apps:Deployment:web"))
        .isEqualTo(new SyncOperationResource("apps", "Deployment", "web", null));
  }

  @Test
  void anEmptyGroupIsTheCoreGroupAndANamespaceMayPrecedeTheName() {
    assertThat(AppSyncCommand.parse(":ConfigMap:team-a/web"))
        .isEqualTo(new SyncOperationResource("", "ConfigMap", "web", "team-a"));
  }

  @Test
  void anythingElseIsAUsageError() {
    for (String bad : new String[] {"ConfigMap:web", "apps::web", "apps:Deployment:", "a:b:c:d"}) {
      assertThatThrownBy(() -> AppSyncCommand.parse(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
          .hasMessageContaining("expected GROUP:KIND:NAME");
    }
  }
}
