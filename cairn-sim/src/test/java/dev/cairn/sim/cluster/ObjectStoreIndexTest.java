package dev.cairn.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The store's indexes (namespace, type, type and namespace, owner uid) and the watch hub's index by
 * type stay true to the stored objects through creates, updates and deletes, so that lists and
 * watches never need to scan every object.
 */
class ObjectStoreIndexTest {
  private static final ResourceTypes TYPES = new ResourceTypes();
  private static final ResourceType CONFIG_MAPS = TYPES.find("", "v1", "configmaps").get();
  private static final ResourceType SECRETS = TYPES.find("", "v1", "secrets").get();

  private final AtomicLong versions = new AtomicLong();
  private final WatchHub watches = new WatchHub(versions::incrementAndGet);
  private final ObjectStore store = new ObjectStore(watches);

  private ObjectNode object(String namespace, String name, String ownerUid) {
    ObjectNode object = Json.MAPPER.createObjectNode().put("apiVersion", "v1");
    ObjectNode metadata = object.putObject("metadata");
    metadata
        .put("name", name)
        .put("namespace", namespace)
        .put("uid", namespace + "-" + name)
        .put("resourceVersion", String.valueOf(versions.incrementAndGet()));
    metadata.putObject("labels").put("shard", name.endsWith("0") ? "a" : "b");
    if (ownerUid != null) {
      metadata.putArray("ownerReferences").addObject().put("uid", ownerUid);
    }
    return object;
  }

  private void put(ResourceType type, String namespace, String name, String ownerUid) {
    store.put(type, ObjectKey.of(type, namespace, name), object(namespace, name, ownerUid));
  }

  @Test
  void listsOfOneTypeInOneNamespaceSeeOnlyThatNamespace() {
    for (int i = 0; i < 50; i++) {
      put(CONFIG_MAPS, "ns-" + (i % 5), "cm-" + i, null);
      put(SECRETS, "ns-" + (i % 5), "s-" + i, null);
    }

    List<ObjectKey> inNs2 = store.ofType("", "configmaps", "ns-2");

    assertThat(inNs2).hasSize(10).allMatch(k -> k.namespace().equals("ns-2"));
    assertThat(inNs2).allMatch(k -> k.plural().equals("configmaps"));
    assertThat(store.ofType("", "configmaps")).hasSize(50);
    assertThat(store.inNamespace("ns-2")).hasSize(20);
  }

  @Test
  void deletesAndOwnerChangesLeaveNoStaleKeys() {
    put(CONFIG_MAPS, "ns", "cm-1", "owner-1");
    put(CONFIG_MAPS, "ns", "cm-2", "owner-1");
    put(CONFIG_MAPS, "ns", "cm-1", "owner-2");
    store.remove(ObjectKey.of(CONFIG_MAPS, "ns", "cm-2"));

    assertThat(store.dependentsOf("owner-1")).isEmpty();
    assertThat(store.dependentsOf("owner-2"))
        .containsExactly(ObjectKey.of(CONFIG_MAPS, "ns", "cm-1"));
    assertThat(store.ofType("", "configmaps", "ns"))
        .containsExactly(ObjectKey.of(CONFIG_MAPS, "ns", "cm-1"));
    assertThat(store.uidExists("ns-cm-2")).isFalse();

    store.remove(ObjectKey.of(CONFIG_MAPS, "ns", "cm-1"));

    assertThat(store.inNamespace("ns")).isEmpty();
    assertThat(store.ofType("", "configmaps")).isEmpty();
  }

  @Test
  void aChangeReachesOnlyTheWatchesOfItsTypeThatSelectIt() {
    List<String> shardA = new ArrayList<>();
    List<String> shardB = new ArrayList<>();
    List<String> secrets = new ArrayList<>();
    watch("configmaps", "shard%3Da", shardA);
    watch("configmaps", "shard%3Db", shardB);
    watch("secrets", null, secrets);

    put(CONFIG_MAPS, "ns", "cm-10", null);
    put(CONFIG_MAPS, "ns", "cm-11", null);
    put(CONFIG_MAPS, "ns", "cm-20", null);

    assertThat(shardA).hasSize(2).allMatch(f -> f.startsWith("{\"type\":\"ADDED\""));
    assertThat(shardA.get(0)).contains("\"cm-10\"");
    assertThat(shardB).hasSize(1).allMatch(f -> f.contains("\"cm-11\""));
    assertThat(secrets).isEmpty();
    assertThat(watches.watchCount("/configmaps")).isEqualTo(2);
  }

  @Test
  void aClosedWatchLeavesTheIndex() {
    List<String> frames = new ArrayList<>();
    WatchHub.Watch watch = watch("configmaps", null, frames);

    watch.close();
    put(CONFIG_MAPS, "ns", "cm-1", null);

    assertThat(frames).isEmpty();
    assertThat(watches.watchCount("/configmaps")).isZero();
  }

  private WatchHub.Watch watch(String plural, String labelSelector, List<String> frames) {
    String path =
        "/api/v1/"
            + plural
            + "?watch=true"
            + (labelSelector == null ? "" : "&labelSelector=" + labelSelector);
    ApiRequest request = ApiRequest.parse("GET", path, header -> null, "");
    ResourceType type = TYPES.find("", "v1", plural).get();
    WatchHub.Watch watch =
        watches.open("/" + plural, ObjectSelector.of(request, type), null, List.of());
    watch.attach(frames::add, () -> {});
    return watch;
  }
}
