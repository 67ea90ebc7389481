package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.argo.ApplicationSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Cairn's sync waves across ApplicationSets: an Application of wave W is created only when every
 * Application that an ApplicationSet of the namespace generated with a lower wave is Synced and
 * Healthy, and no other set whose template names a lower wave is still generating. So a set for
 * infrastructure (wave -1) is in place before a set for apps (wave 1) creates anything, without
 * Progressive Syncs.
 *
 * @param applications the Applications of the namespace, as JSON
 * @param sets the other ApplicationSets of the namespace, as JSON
 */
record WaveGate(Collection<ObjectNode> applications, Collection<ObjectNode> sets) {

  /** Null when {@code wave} may be created now; otherwise what it waits for. */
  String blocker(int wave) {
    List<String> waiting = new ArrayList<>();
    for (ObjectNode app : applications) {
      if (ownedBySet(app)
          && waveOf(app.path("metadata")) < wave
          && !ApplicationHealth.of(app).done()) {
        waiting.add("Application " + app.path("metadata").path("name").asText());
      }
    }
    for (ObjectNode set : sets) {
      Integer setWave = templateWave(set);
      if (setWave != null && setWave < wave && !generated(set)) {
        waiting.add("ApplicationSet " + set.path("metadata").path("name").asText());
      }
    }
    if (waiting.isEmpty()) {
      return null;
    }
    return "wave " + wave + " waits for lower waves: " + String.join(", ", waiting);
  }

  static boolean ownedBySet(JsonNode app) {
    for (JsonNode owner : app.path("metadata").path("ownerReferences")) {
      if ("ApplicationSet".equals(owner.path("kind").asText())) {
        return true;
      }
    }
    return false;
  }

  static int waveOf(JsonNode metadata) {
    try {
      return Integer.parseInt(
          metadata
              .path("annotations")
              .path(ApplicationSet.SYNC_WAVE_ANNOTATION)
              .asText("0")
              .trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** The literal wave of a set's template; null when it is templated (not a number yet). */
  private static Integer templateWave(JsonNode set) {
    try {
      return waveOfStrict(set.path("spec").path("template").path("metadata"));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int waveOfStrict(JsonNode metadata) {
    return Integer.parseInt(
        metadata.path("annotations").path(ApplicationSet.SYNC_WAVE_ANNOTATION).asText("0").trim());
  }

  /** Whether a set has written every Application of its current generation. */
  private static boolean generated(JsonNode set) {
    long generation = set.path("metadata").path("generation").asLong(0);
    for (JsonNode condition : set.path("status").path("conditions")) {
      if (ApplicationSetConditions.RESOURCES_UP_TO_DATE.equals(condition.path("type").asText())) {
        return "True".equals(condition.path("status").asText())
            && Objects.equals(set.path("status").path("observedGeneration").asLong(-1), generation);
      }
    }
    return false;
  }
}
