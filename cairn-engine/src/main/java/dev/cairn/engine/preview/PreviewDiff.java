package dev.cairn.engine.preview;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.YamlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two renders of a fleet: top-level objects matched by kind, namespace and name, their
 * objects by group, kind, namespace and name, each changed object as a unified diff of its YAML
 * (three lines of context) with secret values masked ({@link SecretMasking}). A top-level object
 * that failed at either revision shows its error instead of object diffs.
 */
public final class PreviewDiff {
  private static final int CONTEXT = 3;

  private PreviewDiff() {}

  public static PreviewReport compare(
      String from, FleetRender before, String to, FleetRender after) {
    Set<TopLevel> owners = new LinkedHashSet<>(after.expansions().keySet());
    owners.addAll(before.expansions().keySet());
    List<OwnerPreview> out = new ArrayList<>();
    for (TopLevel owner : owners) {
      out.add(owner(owner, before.expansions().get(owner), after.expansions().get(owner)));
    }
    return new PreviewReport(from, before.commit(), to, after.commit(), after.root(), out);
  }

  private static OwnerPreview owner(TopLevel owner, Expansion before, Expansion after) {
    Expansion a = before == null ? Expansion.rendered(List.of(), List.of(), Set.of()) : before;
    Expansion b = after == null ? Expansion.rendered(List.of(), List.of(), Set.of()) : after;
    List<String> notes = new ArrayList<>(after != null ? b.notes() : a.notes());
    if (after == null) {
      notes.add("removed from the fleet");
    } else if (before == null) {
      notes.add("new in the fleet");
    }
    boolean previewed = a.previewed() && b.previewed();
    if (a.failed() || b.failed() || !previewed) {
      return new OwnerPreview(
          owner, List.of(), 0, notes, a.error(), b.error(), previewed, b.unknownVariables());
    }
    Map<String, KubeObject> old = byKey(a.objects());
    Map<String, KubeObject> now = byKey(b.objects());
    List<ObjectChange> changes = new ArrayList<>();
    int unchanged = 0;
    Set<String> keys = new LinkedHashSet<>(now.keySet());
    keys.addAll(old.keySet());
    for (String key : keys) {
      ObjectChange change = change(old.get(key), now.get(key));
      if (change == null) {
        unchanged++;
      } else {
        changes.add(change);
      }
    }
    return new OwnerPreview(
        owner, changes, unchanged, notes, null, null, true, b.unknownVariables());
  }

  private static ObjectChange change(KubeObject before, KubeObject after) {
    if (before != null && after != null && before.node().equals(after.node())) {
      return null;
    }
    ObjectNode old = before == null ? null : before.node().deepCopy();
    ObjectNode now = after == null ? null : after.node().deepCopy();
    SecretMasking.mask(old, now);
    KubeObject any = after != null ? after : before;
    String label = any.id().toString();
    String oldText = old == null ? "" : YamlWriter.write(old);
    String newText = now == null ? "" : YamlWriter.write(now);
    ObjectChange.Action action =
        before == null
            ? ObjectChange.Action.ADDED
            : after == null ? ObjectChange.Action.REMOVED : ObjectChange.Action.CHANGED;
    String ns = any.namespace() == null ? "" : any.namespace();
    return new ObjectChange(
        any.gvk().group(),
        any.kind(),
        ns,
        any.name(),
        action,
        unified(
            before == null ? "/dev/null" : "a/" + label,
            oldText,
            after == null ? "/dev/null" : "b/" + label,
            newText));
  }

  static String unified(String oldName, String oldText, String newName, String newText) {
    List<String> oldLines = oldText.isEmpty() ? List.of() : oldText.lines().toList();
    List<String> newLines = newText.isEmpty() ? List.of() : newText.lines().toList();
    Patch<String> patch = DiffUtils.diff(oldLines, newLines);
    if (patch.getDeltas().isEmpty()) {
      return "";
    }
    List<String> lines =
        UnifiedDiffUtils.generateUnifiedDiff(oldName, newName, oldLines, patch, CONTEXT);
    return String.join("\n", lines) + "\n";
  }

  private static Map<String, KubeObject> byKey(List<KubeObject> objects) {
    Map<String, KubeObject> out = new LinkedHashMap<>();
    for (KubeObject object : objects) {
      String ns = object.namespace() == null ? "" : object.namespace();
      out.putIfAbsent(
          object.gvk().group() + "/" + object.kind() + "/" + ns + "/" + object.name(), object);
    }
    return out;
  }
}
