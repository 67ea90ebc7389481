package dev.cairn.engine.preview;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.CairnApi;
import dev.cairn.api.kustomize.KustomizationSourceKind;
import dev.cairn.api.kustomize.KustomizationSpec;
import dev.cairn.manifest.KubeObject;
import dev.cairn.render.RenderException;
import dev.cairn.render.RenderInputs;
import dev.cairn.render.RenderedSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a Kustomization with the controller's {@code KustomizationRenderer}: its {@code path} in
 * the revision's tree with patches, images, name prefix and suffix, target namespace, components
 * and post-build substitution. Differences from the controller, all visible in the output: a source
 * other than this repository is not previewed; SOPS values stay encrypted (no keys are read) and
 * show as changed or unchanged; a variable no source sets is reported as unknown and kept as its
 * {@code ${name}} text.
 */
public final class KustomizationExpander implements Expander {
  static final String DECRYPT_ANNOTATION = "kustomize.toolkit.fluxcd.io/decrypt";
  private static final Pattern UNSET = Pattern.compile("variable \"([^\"]+)\" is not set");
  private static final int MAX_UNKNOWN = 200;
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  @Override
  public boolean handles(KubeObject object) {
    return "Kustomization".equals(object.kind())
        && CairnApi.API_VERSION.equals(object.apiVersion());
  }

  @Override
  public boolean ready(KubeObject object, FleetContext context) {
    try {
      KustomizationSpec spec = spec(object.node().path("spec"));
      return SubstitutionInputs.available(namespace(object), spec.postBuild(), context);
    } catch (IllegalArgumentException e) {
      return true; // expand reports it
    }
  }

  @Override
  public Expansion expand(KubeObject object, FleetContext context) {
    String namespace = namespace(object);
    ObjectNode specNode =
        object.node().path("spec") instanceof ObjectNode s
            ? s.deepCopy()
            : MAPPER.createObjectNode();
    KustomizationSpec spec;
    try {
      spec = spec(specNode);
    } catch (IllegalArgumentException e) {
      return Expansion.failed("cannot read its spec: " + e.getMessage(), List.of());
    }
    Optional<String> external = externalSource(spec, namespace, context);
    if (external.isPresent()) {
      return Expansion.notPreviewed(external.get());
    }
    List<String> notes = new ArrayList<>();
    if (spec.suspended()) {
      notes.add("suspended: the controller would not apply this until it is resumed");
    }
    if (spec.decryption() != null) {
      notes.add("SOPS values are not decrypted: they show as changed or unchanged");
    }
    specNode.remove("decryption");
    RenderInputs inputs = SubstitutionInputs.read(namespace, spec.postBuild(), context, notes);
    return render(specNode, inputs, context, notes);
  }

  private Expansion render(
      ObjectNode specNode, RenderInputs inputs, FleetContext context, List<String> notes) {
    Map<String, String> unknown = new HashMap<>();
    boolean keepEncrypted = false;
    while (true) {
      Map<String, String> variables = new HashMap<>(unknown);
      variables.putAll(inputs.variables());
      try {
        KustomizationSpec spec = spec(keepEncrypted ? withDecryptDisabled(specNode) : specNode);
        RenderedSet set =
            context.kustomizations().render(context.tree(), spec, inputs.withVariables(variables));
        List<KubeObject> objects =
            keepEncrypted ? withoutDecryptAnnotation(set.objects()) : set.objects();
        return Expansion.rendered(objects, notes, new TreeSet<>(unknown.keySet()));
      } catch (RenderException e) {
        Matcher unset = UNSET.matcher(e.getMessage());
        if (e.reason() == RenderException.Reason.SUBSTITUTION_FAILED
            && unset.find()
            && !unknown.containsKey(unset.group(1))
            && unknown.size() < MAX_UNKNOWN) {
          unknown.put(unset.group(1), "${" + unset.group(1) + "}");
        } else if (e.reason() == RenderException.Reason.DECRYPTION_FAILED && !keepEncrypted) {
          keepEncrypted = true;
        } else {
          return Expansion.failed(e.getMessage(), notes);
        }
      } catch (IllegalArgumentException e) {
        return Expansion.failed(e.getMessage(), notes);
      }
    }
  }

  private static Optional<String> externalSource(
      KustomizationSpec spec, String namespace, FleetContext context) {
    if (spec.sourceRef() == null) {
      return Optional.empty(); // the root: this repository
    }
    if (spec.sourceRef().kind() != KustomizationSourceKind.GitRepository) {
      return Optional.of("its source is a " + spec.sourceRef().kind());
    }
    String sourceNamespace =
        spec.sourceRef().namespace() == null ? namespace : spec.sourceRef().namespace();
    return context.externalGitSource(sourceNamespace, spec.sourceRef().name());
  }

  /**
   * Secrets still SOPS-encrypted after the build would be refused (no keys are read): marked as
   * Flux's opt-out, they pass through encrypted, and the mark is taken off again afterwards.
   */
  private static ObjectNode withDecryptDisabled(ObjectNode specNode) {
    ObjectNode copy = specNode.deepCopy();
    ArrayNode patches =
        copy.get("patches") instanceof ArrayNode existing ? existing : copy.putArray("patches");
    ObjectNode patch = patches.addObject();
    patch.put(
        "patch",
        "apiVersion: v1\nkind: Secret\nmetadata:\n  name: any\n  annotations:\n    "
            + DECRYPT_ANNOTATION
            + ": disabled\n");
    patch.putObject("target").put("kind", "Secret");
    return copy;
  }

  private static List<KubeObject> withoutDecryptAnnotation(List<KubeObject> objects) {
    List<KubeObject> out = new ArrayList<>(objects.size());
    for (KubeObject object : objects) {
      if ("Secret".equals(object.kind()) && object.annotations().containsKey(DECRYPT_ANNOTATION)) {
        KubeObject copy = object.deepCopy();
        copy.removeAnnotation(DECRYPT_ANNOTATION);
        out.add(copy);
      } else {
        out.add(object);
      }
    }
    return out;
  }

  static String namespace(KubeObject object) {
    String ns = object.namespace();
    return ns == null || ns.isEmpty() ? "default" : ns;
  }

  private static KustomizationSpec spec(JsonNode node) {
    try {
      return MAPPER.treeToValue(node, KustomizationSpec.class);
    } catch (Exception e) {
      throw new IllegalArgumentException(e.getMessage().lines().findFirst().orElse(""), e);
    }
  }
}
