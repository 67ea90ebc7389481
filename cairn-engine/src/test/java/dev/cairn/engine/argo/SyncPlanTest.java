package dev.cairn.engine.argo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.YamlReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncPlanTest {
  private static List<KubeObject> read(String yaml) {
    return YamlReader.defaults().readObjects("set.yaml", yaml);
  }

  @Test
  void phasesThenWavesThenArgoCdsKindOrder() {
    SyncPlan plan =
        SyncPlan.of(
            read(
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: late, annotations: {argocd.argoproj.io/sync-wave: "2"}}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: app, annotations: {argocd.argoproj.io/sync-wave: "-1"}}
                ---
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate, annotations: {argocd.argoproj.io/hook: PreSync}}
                ---
                apiVersion: batch/v1
                kind: Job
                metadata: {name: smoke, annotations: {argocd.argoproj.io/hook: PostSync}}
                """));

    assertThat(plan.tasks())
        .extracting(t -> t.phase() + "/" + t.wave() + "/" + t.object().kind())
        .containsExactly(
            "PreSync/0/Job",
            "Sync/-1/Namespace",
            "Sync/0/Service",
            "Sync/0/Deployment",
            "Sync/2/ConfigMap",
            "PostSync/0/Job");
    assertThat(plan.waves(SyncPlan.SYNC)).hasSize(3);
    assertThat(plan.resources()).extracting(KubeObject::name).doesNotContain("migrate", "smoke");
    assertThat(plan.hooks())
        .allSatisfy(h -> assertThat(h.deletePolicies()).containsExactly("BeforeHookCreation"));
  }

  @Test
  void helmHooksAreMappedAsArgoCdMapsThem() {
    SyncPlan plan =
        SyncPlan.of(
            read(
                """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: db-init
                  annotations:
                    helm.sh/hook: pre-install,pre-upgrade
                    helm.sh/hook-weight: "-5"
                    helm.sh/hook-delete-policy: hook-succeeded
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: test, annotations: {helm.sh/hook: test}}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: skipped, annotations: {argocd.argoproj.io/hook: Skip}}
                """));

    assertThat(plan.tasks()).hasSize(1);
    SyncTask hook = plan.tasks().get(0);
    assertThat(hook.phase()).isEqualTo("PreSync");
    assertThat(hook.wave()).isEqualTo(-5);
    assertThat(hook.deletePolicies()).containsExactly("HookSucceeded");
  }

  @Test
  void aBadWaveNamesTheObject() {
    assertThatThrownBy(
            () ->
                SyncPlan.of(
                    read(
                        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, annotations:"
                            + " {argocd.argoproj.io/sync-wave: soon}}\n")))
        .hasMessageContaining("ConfigMap/c")
        .hasMessageContaining("'soon' is not an integer");
  }
}
