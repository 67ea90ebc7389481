package dev.cairn.cli.cluster;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.kustomize.KustomizationSpec;
import dev.cairn.apply.ApplyOptions;
import dev.cairn.apply.Fabric8ClusterClient;
import dev.cairn.apply.ResourceManager;
import dev.cairn.engine.kustomize.DecryptionKeys;
import dev.cairn.engine.kustomize.SubstitutionSources;
import dev.cairn.manifest.KubeObject;
import dev.cairn.render.KustomizationRenderer;
import dev.cairn.render.RenderInputs;
import dev.cairn.render.RenderedSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a local directory the way the controller renders a live Kustomization (its spec's
 * overlays, its {@code substituteFrom} read from the cluster), and diffs the result against the
 * cluster. The directory's Git repository is the artifact root, so overlays reach their bases.
 */
public final class KustomizationPreview {

  /** One object's diff; {@code diff} is empty when the cluster already matches. */
  public record ObjectDiff(String object, String diff) {}

  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final KubernetesClient client;
  private final CairnObjects objects;

  public KustomizationPreview(KubernetesClient client) {
    this.client = client;
    this.objects = new CairnObjects(client);
  }

  /** The set the controller would apply for {@code ref} if its source held {@code dir}. */
  public RenderedSet render(CairnObjectRef ref, Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + ": no such directory");
    }
    JsonNode live = objects.object(ref);
    Path root = repositoryRoot(dir);
    String relative = root.relativize(dir.toAbsolutePath().normalize()).toString();
    ObjectNode specNode = ((ObjectNode) live.path("spec")).deepCopy();
    specNode.put("path", relative.isEmpty() ? "./" : "./" + relative);
    KustomizationSpec spec;
    try {
      spec = MAPPER.treeToValue(specNode, KustomizationSpec.class);
    } catch (Exception e) {
      throw new IllegalStateException(ref + ": cannot read its spec: " + e.getMessage(), e);
    }
    RenderInputs inputs =
        new SubstitutionSources(client)
            .read(ref.namespace(), spec.postBuild())
            .withDecryptionKeys(
                new DecryptionKeys(client).read(ref.namespace(), spec.decryption()));
    return KustomizationRenderer.defaults().render(root, spec, inputs);
  }

  /** A diff per rendered object against the cluster, Secret values masked. */
  public List<ObjectDiff> diff(CairnObjectRef ref, Path dir) {
    RenderedSet set = render(ref, dir);
    ApplyOptions options =
        ApplyOptions.defaults()
            .withLabels(
                Map.of("cairn.dev/name", ref.name(), "cairn.dev/namespace", ref.namespace()));
    List<ObjectDiff> result = new ArrayList<>();
    try (ResourceManager manager = new ResourceManager(new Fabric8ClusterClient(client))) {
      for (KubeObject object : set.objects()) {
        String label =
            object.kind()
                + "/"
                + (object.namespace() == null || object.namespace().isEmpty()
                    ? ""
                    : object.namespace() + "/")
                + object.name();
        result.add(new ObjectDiff(label, manager.diff(object, options)));
      }
    }
    return result;
  }

  /** The root of the Git repository holding {@code dir}, else {@code dir} itself. */
  public static Path repositoryRoot(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    for (Path at = absolute; at != null; at = at.getParent()) {
      if (Files.exists(at.resolve(".git"))) {
        return at;
      }
    }
    return absolute;
  }
}
