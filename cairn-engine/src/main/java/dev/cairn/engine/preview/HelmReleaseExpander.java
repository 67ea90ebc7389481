package dev.cairn.engine.preview;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.api.CairnApi;
import dev.cairn.api.helm.HelmChartTemplateSpec;
import dev.cairn.api.helm.HelmReleaseSpec;
import dev.cairn.api.helm.ValuesReference;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.helm.ReleaseMetadata;
import dev.cairn.engine.helm.ReleaseNames;
import dev.cairn.engine.helm.ValuesComposition;
import dev.cairn.manifest.GroupVersionKind;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.Scopes;
import dev.cairn.render.RenderException;
import dev.cairn.render.helm.HelmHook;
import dev.cairn.render.helm.HelmRender;
import dev.cairn.render.helm.HelmRenderRequest;
import dev.cairn.source.SourceException;
import dev.cairn.source.artifact.DirectoryTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders a HelmRelease as the controller does: the chart built as its HelmChart would be (from
 * this repository's tree, or pulled from a Helm repository or OCI registry the user can reach), the
 * values composed by {@code ValuesComposition} from the fleet's ConfigMaps and Secrets, Helm's
 * template engine, the post-renderers and the release's ownership metadata. The chart's CRDs and
 * install and upgrade hooks are included, since the controller applies them too. Helm's default
 * Kubernetes version stands in for the cluster's.
 */
public final class HelmReleaseExpander implements Expander {
  /** The hooks the controller runs on install and upgrade; test, delete, rollback hooks are not. */
  private static final List<String> INSTALL_OR_UPGRADE =
      List.of("pre-install", "post-install", "pre-upgrade", "post-upgrade");

  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  @Override
  public boolean handles(KubeObject object) {
    return "HelmRelease".equals(object.kind()) && CairnApi.API_VERSION.equals(object.apiVersion());
  }

  @Override
  public boolean ready(KubeObject object, FleetContext context) {
    HelmReleaseSpec spec;
    try {
      spec = MAPPER.treeToValue(object.node().path("spec"), HelmReleaseSpec.class);
    } catch (Exception e) {
      return true;
    }
    String namespace = KustomizationExpander.namespace(object);
    if (spec.valuesFrom() != null) {
      for (ValuesReference ref : spec.valuesFrom()) {
        if (!Boolean.TRUE.equals(ref.optional())
            && context.index().find(ref.kind().name(), namespace, ref.name()).isEmpty()) {
          return false;
        }
      }
    }
    return spec.chart() == null
        || !"HelmRepository".equals(sourceKind(spec))
        || context
            .index()
            .find(
                "HelmRepository",
                sourceNamespace(spec, namespace),
                spec.chart().spec().sourceRef().name())
            .isPresent();
  }

  @Override
  public Expansion expand(KubeObject object, FleetContext context) {
    HelmReleaseSpec spec;
    try {
      spec = MAPPER.treeToValue(object.node().path("spec"), HelmReleaseSpec.class);
    } catch (Exception e) {
      return Expansion.failed(
          "cannot read its spec: " + e.getMessage().lines().findFirst().orElse(""), List.of());
    }
    if (spec.chart() == null) {
      return Expansion.notPreviewed("chartRef charts are not previewed yet; use spec.chart");
    }
    String namespace = KustomizationExpander.namespace(object);
    String kind = sourceKind(spec);
    String sourceNamespace = sourceNamespace(spec, namespace);
    String sourceName = spec.chart().spec().sourceRef().name();
    if ("GitRepository".equals(kind)) {
      Optional<String> external = context.externalGitSource(sourceNamespace, sourceName);
      if (external.isPresent()) {
        return Expansion.notPreviewed(external.get());
      }
    } else if (!"HelmRepository".equals(kind)) {
      return Expansion.notPreviewed("its chart source is a " + kind);
    }
    Path work = null;
    try {
      work = Files.createTempDirectory("cairn-preview-helm-");
      Path chart = chart(context, spec.chart().spec(), kind, sourceNamespace, sourceName, work);
      return Expansion.rendered(
          render(object, spec, namespace, chart, context), List.of(), Set.of());
    } catch (SourceException e) {
      return Expansion.failed(
          "cannot get chart " + spec.chart().spec().chart() + ": " + e.getMessage(), List.of());
    } catch (RenderException | ReconcileException e) {
      return Expansion.failed(e.getMessage(), List.of());
    } catch (IOException e) {
      return Expansion.failed("cannot create a work directory: " + e.getMessage(), List.of());
    } finally {
      if (work != null) {
        DirectoryTrees.deleteQuietly(work);
      }
    }
  }

  private static Path chart(
      FleetContext context,
      HelmChartTemplateSpec template,
      String kind,
      String sourceNamespace,
      String sourceName,
      Path work)
      throws SourceException {
    if ("GitRepository".equals(kind)) {
      return context.charts().fromTree(context.tree(), template, work);
    }
    KubeObject repository =
        context
            .index()
            .find("HelmRepository", sourceNamespace, sourceName)
            .orElseThrow(
                () ->
                    new SourceException(
                        dev.cairn.source.SourceReason.CHART_NOT_FOUND,
                        "HelmRepository "
                            + sourceNamespace
                            + "/"
                            + sourceName
                            + " is not in the repository"));
    return context.charts().fromRepository(repository, template, work);
  }

  private static List<KubeObject> render(
      KubeObject object, HelmReleaseSpec spec, String namespace, Path chart, FleetContext context) {
    Map<String, Object> values =
        ValuesComposition.compose(
            namespace, spec, (k, ns, name) -> context.index().data(k.name(), ns, name));
    String target = spec.targetNamespace() == null ? namespace : spec.targetNamespace();
    String release =
        ReleaseNames.releaseName(object.name(), spec.targetNamespace(), spec.releaseName());
    HelmRender render =
        context.helm().render(chart, new HelmRenderRequest(release, target, values, null));
    List<KubeObject> main = context.postRenderer().apply(render.objects(), spec.postRenderers());
    List<KubeObject> out = new ArrayList<>(render.crds());
    for (KubeObject o : main) {
      out.add(
          ReleaseMetadata.own(
              o, release, target, spec.commonMetadata(), x -> namespaced(render, x)));
    }
    for (HelmHook hook : render.hooks()) {
      if (INSTALL_OR_UPGRADE.stream().anyMatch(hook::runsOn)) {
        out.add(
            ReleaseMetadata.own(
                hook.object(), release, target, spec.commonMetadata(), x -> namespaced(render, x)));
      }
    }
    return out;
  }

  /** Scope from the chart's own CRDs, then from the built-in kinds; others are namespaced. */
  private static boolean namespaced(HelmRender render, KubeObject object) {
    GroupVersionKind gvk = object.gvk();
    for (KubeObject crd : render.crds()) {
      if (crd.node().at("/spec/group").asText().equals(gvk.group())
          && crd.node().at("/spec/names/kind").asText().equals(gvk.kind())) {
        return "Namespaced".equals(crd.node().at("/spec/scope").asText());
      }
    }
    return !Scopes.isClusterScoped(gvk.group(), gvk.kind());
  }

  private static String sourceKind(HelmReleaseSpec spec) {
    return spec.chart().spec().sourceRef().kind().name();
  }

  private static String sourceNamespace(HelmReleaseSpec spec, String namespace) {
    String ns = spec.chart().spec().sourceRef().namespace();
    return ns == null ? namespace : ns;
  }
}
