package dev.cairn.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.manifest.GroupVersionKind;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SetPlannerTest {

  /** Serves ConfigMaps (namespaced) and ClusterRoles; holds the Namespaces it is given. */
  private static final class Discovery implements ClusterClient {
    final Set<String> namespaces = new HashSet<>();

    @Override
    public Optional<KubeObject> get(ObjectId id) {
      boolean exists = id.kind().equals("Namespace") && namespaces.contains(id.name());
      return exists ? Optional.of(Manifests.one(Manifests.namespace(id.name()))) : Optional.empty();
    }

    @Override
    public Optional<Boolean> namespaced(GroupVersionKind gvk) {
      return switch (gvk.kind()) {
        case "ConfigMap" -> Optional.of(true);
        case "ClusterRole", "Namespace", "CustomResourceDefinition" -> Optional.of(false);
        default -> Optional.empty();
      };
    }

    @Override
    public List<KubeObject> list(GroupVersionKind gvk, String ns, Map<String, String> labels) {
      throw new UnsupportedOperationException();
    }

    @Override
    public KubeObject dryRunApply(KubeObject object, String fieldManager, boolean force) {
      throw new UnsupportedOperationException();
    }

    @Override
    public KubeObject apply(KubeObject object, String fieldManager, boolean force) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean delete(ObjectId id) {
      throw new UnsupportedOperationException();
    }
  }

  private final Discovery cluster = new Discovery();

  private List<ObjectPlan> plan(List<KubeObject> objects) {
    SetPlanner planner =
        new SetPlanner(cluster, Map.of("cairn.dev/name", "app"), SetDefinitions.of(objects));
    objects.forEach(planner::add);
    return planner.plans();
  }

  private static ObjectPlan planOf(List<ObjectPlan> plans, String kind) {
    return plans.stream().filter(p -> p.id().kind().equals(kind)).findFirst().orElseThrow();
  }

  @Test
  void stampsLabelsOnACopyAndDropsTheNamespaceOfClusterScopedKinds() {
    KubeObject role =
        Manifests.one(
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\n"
                + "metadata:\n  name: reader\n  namespace: stray\n");

    ObjectPlan plan = plan(List.of(role)).get(0);

    assertThat(plan.desired().namespace()).isNull();
    assertThat(plan.desired().labels()).containsEntry("cairn.dev/name", "app");
    assertThat(plan.namespaced()).isFalse();
    assertThat(plan.stage()).isEqualTo(Stage.CLUSTER);
    assertThat(role.labels()).doesNotContainKey("cairn.dev/name");
    assertThat(role.namespace()).isEqualTo("stray");
  }

  @Test
  void whatNeedsTheSetsOwnDefinitionsIsDeferred() {
    cluster.namespaces.add("existing");
    List<ObjectPlan> plans =
        plan(
            Manifests.read(
                Manifests.namespace("fresh")
                    + "---\n"
                    + Manifests.namespace("existing")
                    + "---\n"
                    + Manifests.configMap("fresh", "in-fresh", "1")
                    + "---\n"
                    + Manifests.configMap("existing", "in-existing", "1")
                    + "---\n"
                    + Manifests.crd("example.com", "Widget", "widgets")
                    + "---\n"
                    + "apiVersion: example.com/v1\nkind: Widget\n"
                    + "metadata:\n  name: w\n  namespace: existing\n"));

    assertThat(plans)
        .filteredOn(ObjectPlan::deferred)
        .extracting(p -> p.id().name())
        .containsExactlyInAnyOrder("in-fresh", "w");
    assertThat(planOf(plans, "Widget").namespaced()).isTrue();
    assertThat(planOf(plans, "CustomResourceDefinition").stage()).isEqualTo(Stage.DEFINITIONS);
  }

  @Test
  void reportsEveryObjectThatCannotBeAppliedTogether() {
    String configMap = Manifests.configMap("default", "twice", "1");
    List<KubeObject> objects =
        Manifests.read(
            configMap
                + "---\n"
                + configMap
                + "---\n"
                + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: homeless\n"
                + "---\n"
                + "apiVersion: example.com/v1\nkind: Phantom\nmetadata:\n  name: p\n");

    assertThatThrownBy(() -> plan(objects))
        .isInstanceOfSatisfying(
            ApplyException.class,
            e ->
                assertThat(e.failures())
                    .extracting(f -> f.id().name() + ": " + f.reason())
                    .containsExactly(
                        "twice: the set holds this object more than once",
                        "homeless: a namespaced ConfigMap needs a namespace",
                        "p: no kind \"Phantom\" is registered for version \"example.com/v1\""
                            + " (no CRD in the set or the cluster defines it)"));
  }
}
