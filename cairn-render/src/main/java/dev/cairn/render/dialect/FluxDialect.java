package dev.cairn.render.dialect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.CairnApi;
import dev.cairn.api.FluxApiVersions;
import dev.cairn.manifest.KubeObject;
import java.util.Optional;
import java.util.Set;

/**
 * Flux manifests become Cairn ones by changing only their apiVersion ({@link FluxApiVersions}); the
 * kind and every field keep their names. Only kinds Cairn has are translated (a Flux {@code
 * Bucket}, for one, is left as it is). Inside the spec, references to other objects of translated
 * kinds ({@code sourceRef}, {@code chart.spec.sourceRef}, {@code chartRef}, {@code healthChecks})
 * that carry a Flux apiVersion get the Cairn one, since those objects are translated too; their
 * kinds stay.
 */
public final class FluxDialect implements Dialect {
  /** The Flux kinds Cairn has a kind of the same name for. */
  public static final Set<String> KINDS =
      Set.of(
          "GitRepository",
          "OCIRepository",
          "HelmRepository",
          "HelmChart",
          "Kustomization",
          "HelmRelease",
          "ImageRepository",
          "ImagePolicy",
          "ImageUpdateAutomation");

  @Override
  public String name() {
    return "flux";
  }

  @Override
  public Optional<KubeObject> translate(KubeObject object) {
    Optional<String> cairn = FluxApiVersions.toCairn(object.apiVersion());
    if (cairn.isEmpty() || !KINDS.contains(object.kind())) {
      return Optional.empty();
    }
    KubeObject copy = object.deepCopy();
    copy.node().put("apiVersion", cairn.get());
    JsonNode spec = copy.node().get("spec");
    if (spec instanceof ObjectNode s) {
      translateRef(s.get("sourceRef"));
      translateRef(s.get("chartRef"));
      translateRef(s.at("/chart/spec/sourceRef"));
      JsonNode checks = s.get("healthChecks");
      if (checks != null && checks.isArray()) {
        checks.forEach(FluxDialect::translateRef);
      }
    }
    return Optional.of(copy);
  }

  /**
   * Flux's own installation ({@code gotk-components.yaml}, labelled {@code
   * app.kubernetes.io/part-of: flux}) and the CRDs of {@code *.toolkit.fluxcd.io}; its Namespace is
   * kept, since the fleet's own Flux objects live in it.
   */
  @Override
  public boolean isToolComponent(KubeObject object) {
    if ("CustomResourceDefinition".equals(object.kind())
        && object.apiVersion() != null
        && object.apiVersion().startsWith("apiextensions.k8s.io/")) {
      return object.node().at("/spec/group").asText("").endsWith(".toolkit.fluxcd.io");
    }
    return "flux".equals(object.labels().get("app.kubernetes.io/part-of"))
        && !"Namespace".equals(object.kind())
        && !FluxApiVersions.isFlux(object.apiVersion());
  }

  private static void translateRef(JsonNode ref) {
    if (!(ref instanceof ObjectNode r)) {
      return;
    }
    JsonNode apiVersion = r.get("apiVersion");
    JsonNode kind = r.get("kind");
    if (apiVersion != null
        && kind != null
        && FluxApiVersions.isFlux(apiVersion.asText())
        && KINDS.contains(kind.asText())) {
      r.put("apiVersion", CairnApi.API_VERSION);
    }
  }
}
