package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.argo.ApplicationSetSpec;
import dev.cairn.render.gotemplate.GoTemplateEngine;
import java.util.Comparator;
import java.util.List;

/**
 * What a set generates, in Argo CD's own form ({@code argoproj.io/v1alpha1} Applications): its
 * generators run, the template rendered with every parameter set, ordered by sync wave. Shared by
 * the reconciler and {@code cairn appset preview}. Under a RollingSync strategy the Applications
 * lose {@code syncPolicy.automated}, since the set decides when they sync, as Argo CD does.
 */
public final class ApplicationGeneration {
  private ApplicationGeneration() {}

  /**
   * @throws GeneratorException naming the generator or template that failed
   */
  public static List<GeneratedApplication> generate(
      ApplicationSetSpec spec, String namespace, GitTrees git, ClusterSecrets clusters) {
    ParamRenderer renderer = renderer(spec);
    List<GeneratorOutput> outputs =
        new Generators(new GeneratorContext(renderer, git, clusters))
            .generateAll(spec.generatorsOrEmpty());
    List<GeneratedApplication> apps =
        new ApplicationRenderer(renderer).render(spec, outputs, namespace);
    if (rollingSync(spec)) {
      apps.forEach(ApplicationGeneration::dropAutomatedSync);
    }
    return apps.stream().sorted(Comparator.comparingInt(GeneratedApplication::wave)).toList();
  }

  static boolean rollingSync(ApplicationSetSpec spec) {
    return spec.strategy() != null && "RollingSync".equals(spec.strategy().type());
  }

  /** The renderer the set asks for. */
  static ParamRenderer renderer(ApplicationSetSpec spec) {
    if (spec.isGoTemplate()) {
      return new GoTemplateRenderer(GoTemplateEngine.defaults(), spec.goTemplateOptions());
    }
    return new FastTemplate();
  }

  private static void dropAutomatedSync(GeneratedApplication app) {
    JsonNode policy = app.application().node().path("spec").path("syncPolicy");
    if (policy instanceof ObjectNode p) {
      p.remove("automated");
    }
  }
}
