package dev.cairn.engine.argo;

import dev.cairn.manifest.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sync option {@code RespectIgnoreDifferences=true}: a sync leaves the ignored fields as they are
 * live. Argo CD copies the live values of those fields into the desired object before it applies.
 * Cairn applies server-side, where stating a value also claims the field, so each ignored field is
 * handled by who owns it live:
 *
 * <ul>
 *   <li>owned by Cairn's field manager (Cairn set it and nobody changed it since): the live value
 *       is copied into the applied object, as Argo CD does; leaving it out would make the server
 *       remove the field, as its only owner no longer applies it;
 *   <li>owned by others only (an autoscaler's {@code scale} update, a hand edit): the field is left
 *       out of the applied object, so the other manager keeps sole ownership and its value stays;
 *       copying it would make Cairn a co-owner that a later forced apply could reset;
 *   <li>absent live: left out, as Argo CD's copy of an absent field removes it.
 * </ul>
 *
 * Either way the live value stays, which is Argo CD's behaviour. Objects not yet in the cluster are
 * applied as rendered.
 */
final class RespectIgnoreDifferences {
  static final String OPTION = "RespectIgnoreDifferences=true";

  private RespectIgnoreDifferences() {}

  static KubeObject keepLive(
      KubeObject desired, Optional<KubeObject> live, IgnoreRules rules, String fieldManager) {
    if (live.isEmpty() || rules.matching(desired.id()).isEmpty()) {
      return desired;
    }
    KubeObject copy = desired.deepCopy();
    var liveNode = live.get().node();
    List<IgnoredPath> paths = new ArrayList<>(rules.paths(desired.id(), copy.node(), liveNode));
    paths.addAll(rules.paths(desired.id(), liveNode, liveNode));
    List<List<String>> mine =
        ManagedFieldPaths.ownedBy(liveNode, Set.of(fieldManager)).stream()
            .map(p -> p.concrete(liveNode))
            .flatMap(Optional::stream)
            .toList();
    List<IgnoredPath> leaveOut = new ArrayList<>();
    for (IgnoredPath path : paths) {
      Optional<List<String>> at = path.concrete(liveNode);
      boolean owned = at.isPresent() && mine.stream().anyMatch(m -> overlaps(m, at.get()));
      if (!owned || !path.set(copy.node(), path.get(liveNode).orElseThrow())) {
        leaveOut.add(path);
      }
    }
    IgnoreRules.removeAll(copy.node(), leaveOut);
    return copy;
  }

  private static boolean overlaps(List<String> a, List<String> b) {
    int n = Math.min(a.size(), b.size());
    return a.subList(0, n).equals(b.subList(0, n));
  }
}
