package dev.cairn.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import dev.cairn.sim.cluster.ObjectValidator;
import dev.cairn.sim.cluster.SimulatedClusterOptions;
import dev.cairn.testkit.cluster.TestCluster;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recreate on immutable fields. The simulated cluster does not model the immutability of built-in
 * fields (a Job's template, a Service's clusterIP), so a validation hook makes {@code
 * spec.selector} of a custom resource immutable the way the API server words it: an update keeps
 * the uid of the object it updates, and a changed selector under a known uid is refused with 422
 * "field is immutable".
 */
class ForceRecreateIT {
  private static final String GROUP = "force.test.cairn.dev";
  private static final Map<String, JsonNode> selectorByUid = new ConcurrentHashMap<>();
  private static TestCluster cluster;
  private static Fabric8ClusterClient client;
  private static ResourceManager manager;

  @BeforeAll
  static void start() {
    ObjectValidator immutableSelector =
        (apiVersion, kind, schema, object) -> {
          String uid = object.path("metadata").path("uid").asText();
          JsonNode selector = object.path("spec").path("selector");
          JsonNode before = selectorByUid.putIfAbsent(uid, selector);
          return before == null || before.equals(selector)
              ? List.of()
              : List.of("spec.selector: Invalid value: " + selector + ": field is immutable");
        };
    cluster =
        TestCluster.forClass(SimulatedClusterOptions.defaults().withValidator(immutableSelector));
    // The immutable field is made by the simulated server's validator hook; a real cluster has no
    // such rule on this test CRD.
    Assumptions.assumeTrue(cluster.isSimulated(), "needs the simulated cluster's validator hook");
    client = new Fabric8ClusterClient(cluster.client());
    manager = new ResourceManager(client);
    manager.apply(Manifests.read(Manifests.crd(GROUP, "Pipe", "pipes")), ApplyOptions.defaults());
  }

  @AfterAll
  static void stop() {
    if (manager != null) {
      manager.close();
    }
    cluster.close();
  }

  private static KubeObject pipe(String name, String selector) {
    return Manifests.one(
        """
        apiVersion: %s/v1
        kind: Pipe
        metadata:
          name: %s
          namespace: default
        spec:
          selector: %s
        """
            .formatted(GROUP, name, selector));
  }

  private static String uidOf(ObjectId id) {
    return client.get(id).orElseThrow().node().path("metadata").path("uid").asText();
  }

  @Test
  void withoutForceTheImmutableChangeFailsValidationAndNamesTheObject() {
    manager.apply(List.of(pipe("plain", "a")), ApplyOptions.defaults());
    String uid = uidOf(pipe("plain", "a").id());

    assertThatThrownBy(() -> manager.apply(List.of(pipe("plain", "b")), ApplyOptions.defaults()))
        .isInstanceOfSatisfying(
            ApplyException.class,
            e -> {
              assertThat(e.failures())
                  .singleElement()
                  .satisfies(
                      f -> {
                        assertThat(f.id().toString()).isEqualTo("Pipe/default/plain");
                        assertThat(f.reason()).contains("field is immutable");
                      });
            });
    assertThat(uidOf(pipe("plain", "a").id())).isEqualTo(uid);
  }

  @Test
  void forceOptionDeletesAndRecreates() {
    manager.apply(List.of(pipe("forced", "a")), ApplyOptions.defaults());
    ObjectId id = pipe("forced", "a").id();
    String uid = uidOf(id);

    ChangeSet result =
        manager.apply(List.of(pipe("forced", "b")), ApplyOptions.defaults().withForce(true));

    assertThat(result.actionOf(id)).contains(Action.CREATED);
    assertThat(result.find(id).orElseThrow().message()).startsWith("recreated");
    KubeObject live = client.get(id).orElseThrow();
    assertThat(live.node().path("spec").path("selector").asText()).isEqualTo("b");
    assertThat(uidOf(id)).isNotEqualTo(uid);
  }

  @Test
  void forceAnnotationRecreatesThatObjectOnly() {
    KubeObject annotated = pipe("annotated", "a");
    annotated.setAnnotation("cairn.dev/force", "enabled");
    manager.apply(List.of(annotated), ApplyOptions.defaults());
    String uid = uidOf(annotated.id());

    KubeObject changed = pipe("annotated", "b");
    changed.setAnnotation("cairn.dev/force", "enabled");
    ChangeSet result = manager.apply(List.of(changed), ApplyOptions.defaults());

    assertThat(result.actionOf(annotated.id())).contains(Action.CREATED);
    assertThat(uidOf(annotated.id())).isNotEqualTo(uid);
  }
}
