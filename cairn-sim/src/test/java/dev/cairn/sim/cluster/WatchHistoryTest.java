package dev.cairn.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WatchHistoryTest {
  private final AtomicLong versions = new AtomicLong();
  private final WatchHub hub = new WatchHub(versions::incrementAndGet, 3);
  private final ObjectSelector all = new ObjectSelector(null, null, List.of());

  @Test
  void aWatchFromAVersionStillInTheHistoryReplaysWhatCameAfterIt() {
    for (int i = 1; i <= 5; i++) {
      change("cm" + i);
    }
    List<String> frames = new ArrayList<>();
    hub.open("/configmaps", all, "3", List.of()).attach(frames::add, () -> {});

    assertThat(frames).extracting(f -> name(f)).containsExactly("cm4", "cm5");
  }

  @Test
  void aWatchFromAVersionOlderThanTheHistoryGetsOne410ExpiredAndEnds() {
    for (int i = 1; i <= 5; i++) {
      change("cm" + i);
    }
    List<String> frames = new ArrayList<>();
    AtomicBoolean hungUp = new AtomicBoolean();
    WatchHub.Watch watch = hub.open("/configmaps", all, "1", List.of());
    watch.attach(frames::add, () -> hungUp.set(true));
    change("cm6");

    assertThat(frames).hasSize(1);
    JsonNode event = Json.parse(frames.get(0));
    assertThat(event.path("type").asText()).isEqualTo("ERROR");
    assertThat(event.path("object").path("code").asInt()).isEqualTo(410);
    assertThat(event.path("object").path("reason").asText()).isEqualTo("Expired");
    assertThat(event.path("object").path("message").asText())
        .startsWith("too old resource version: 1");
    assertThat(hungUp).isTrue();
  }

  @Test
  void forgettingEndsOpenWatchesAndExpiresEveryOlderVersion() {
    change("cm1");
    change("cm2");
    AtomicBoolean hungUp = new AtomicBoolean();
    hub.open("/configmaps", all, "2", List.of()).attach(f -> {}, () -> hungUp.set(true));

    hub.forget(versions.get());

    assertThat(hungUp).isTrue();
    assertThat(hub.expired(1)).isTrue();
    assertThat(hub.expired(2)).isFalse();
    List<String> frames = new ArrayList<>();
    hub.open("/configmaps", all, "2", List.of()).attach(frames::add, () -> {});
    change("cm3");
    assertThat(frames).extracting(f -> name(f)).containsExactly("cm3");
  }

  private void change(String name) {
    ObjectNode object = Json.MAPPER.createObjectNode();
    object.put("apiVersion", "v1").put("kind", "ConfigMap");
    object
        .putObject("metadata")
        .put("name", name)
        .put("namespace", "default")
        .put("resourceVersion", String.valueOf(versions.incrementAndGet()));
    ResourceType type = new ResourceTypes().find("", "v1", "configmaps").orElseThrow();
    hub.changed(
        ObjectKey.of(type, "default", name),
        null,
        new ObjectStore.Stored(type, object, Json.write(object)));
  }

  private static String name(String frame) {
    return Json.parse(frame).path("object").path("metadata").path("name").asText();
  }
}
