package dev.cairn.engine.preview;

import dev.cairn.api.kustomize.PostBuild;
import dev.cairn.api.kustomize.SubstituteReference;
import dev.cairn.render.RenderInputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code postBuild.substituteFrom} variables of a Kustomization at one revision, read as the
 * controller reads them but from the rendered fleet: each ConfigMap or Secret found there in spec
 * order; a source the repository does not hold (it lives only in the cluster) is replaced by the
 * variables file, else noted, and the variables it would set are reported as unknown by the
 * rendering.
 */
final class SubstitutionInputs {
  static final String MISSING_SOURCE = "cairn_preview_missing_source";

  private SubstitutionInputs() {}

  /** True when every non-optional source is in the fleet (or a variables file stands in). */
  static boolean available(String namespace, PostBuild postBuild, FleetContext context) {
    if (postBuild == null || postBuild.substituteFrom() == null || context.variables() != null) {
      return true;
    }
    for (SubstituteReference ref : postBuild.substituteFrom()) {
      if (!Boolean.TRUE.equals(ref.optional())
          && context.index().find(ref.kind().name(), namespace, ref.name()).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  static RenderInputs read(
      String namespace, PostBuild postBuild, FleetContext context, List<String> notes) {
    if (postBuild == null || postBuild.substituteFrom() == null) {
      return RenderInputs.none();
    }
    List<Map<String, String>> sources = new ArrayList<>();
    boolean missing = false;
    for (SubstituteReference ref : postBuild.substituteFrom()) {
      String kind = ref.kind().name();
      Map<String, String> data = context.index().data(kind, namespace, ref.name());
      String described = kind + " " + namespace + "/" + ref.name();
      if (data != null) {
        sources.add(data);
      } else if (context.variables() != null) {
        sources.add(context.variables());
        notes.add(described + " is not in the repository: its variables come from --vars");
      } else if (!Boolean.TRUE.equals(ref.optional())) {
        notes.add(
            described + " is not in the repository (it comes from the cluster): pass --vars FILE");
        missing = true;
      }
    }
    if (missing) {
      // Substitution must run (and report what is unset) even when no source was found.
      sources.add(0, Map.of(MISSING_SOURCE, ""));
    }
    return RenderInputs.fromSources(sources);
  }
}
