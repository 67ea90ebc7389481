package dev.cairn.engine.preview;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.CairnApi;
import dev.cairn.manifest.KubeObject;
import dev.cairn.render.KustomizationRenderer;
import dev.cairn.render.helm.HelmPostRenderer;
import dev.cairn.render.helm.HelmTemplateRenderer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a fleet at one revision: the directory at {@code path} as the root Kustomization (as
 * {@code flux bootstrap} syncs {@code clusters/<name>}), then every top-level object it renders,
 * recursively, each through the first {@link Expander} that handles it. Objects waiting for
 * something still to be rendered ({@link Expander#ready}) go after the others. A Kustomization in
 * the fleet that syncs the root path from this repository is the root itself: the root is rendered
 * with its spec and named after it.
 */
public final class FleetRenderer {
  private final List<Expander> expanders;
  private final KustomizationRenderer kustomizations;
  private final HelmTemplateRenderer helm;
  private final HelmPostRenderer postRenderer;

  public FleetRenderer(List<Expander> expanders) {
    this.expanders = List.copyOf(expanders);
    this.kustomizations = KustomizationRenderer.defaults();
    this.helm = HelmTemplateRenderer.defaults();
    this.postRenderer = HelmPostRenderer.defaults();
  }

  /** The expanders Cairn has today: Kustomization and HelmRelease. */
  public static FleetRenderer defaults() {
    return new FleetRenderer(List.of(new KustomizationExpander(), new HelmReleaseExpander()));
  }

  /**
   * Renders {@code tree} starting at {@code rootPath} (slash-separated, relative to the tree).
   *
   * @param variables the variables file's values, or null
   */
  public FleetRender render(
      RevisionTree tree,
      String rootPath,
      RepositoryIdentity repository,
      Map<String, String> variables,
      ChartLoader charts) {
    String path = normalize(rootPath);
    KubeObject root = rootKustomization(path);
    FleetContext context =
        new FleetContext(
            tree.root(),
            repository,
            new FleetIndex(),
            variables,
            charts,
            kustomizations,
            helm,
            postRenderer);
    Expansion first = new KustomizationExpander().expand(root, context);
    Optional<KubeObject> self = selfSync(first, path, context);
    TopLevel rootId = new TopLevel("Kustomization", "", path);
    if (self.isPresent()) {
      root = self.get();
      rootId = TopLevel.of(root);
      first = new KustomizationExpander().expand(root, context);
    }
    Map<TopLevel, Expansion> done = new LinkedHashMap<>();
    Map<TopLevel, KubeObject> pending = new LinkedHashMap<>();
    record(rootId, root, first, done, pending, context);
    expandAll(done, pending, context);
    return new FleetRender(tree.commit(), rootId, done);
  }

  private void expandAll(
      Map<TopLevel, Expansion> done, Map<TopLevel, KubeObject> pending, FleetContext context) {
    while (!pending.isEmpty()) {
      Map.Entry<TopLevel, KubeObject> next = null;
      for (Map.Entry<TopLevel, KubeObject> entry : pending.entrySet()) {
        if (expander(entry.getValue()).ready(entry.getValue(), context)) {
          next = entry;
          break;
        }
      }
      if (next == null) {
        next = pending.entrySet().iterator().next(); // nothing else can progress
      }
      pending.remove(next.getKey());
      Expansion expansion = expander(next.getValue()).expand(next.getValue(), context);
      record(next.getKey(), next.getValue(), expansion, done, pending, context);
    }
  }

  private void record(
      TopLevel id,
      KubeObject object,
      Expansion expansion,
      Map<TopLevel, Expansion> done,
      Map<TopLevel, KubeObject> pending,
      FleetContext context) {
    done.put(id, expansion);
    String defaultNamespace = defaultNamespace(object);
    for (KubeObject rendered : expansion.objects()) {
      context.index().add(rendered, defaultNamespace);
    }
    for (KubeObject rendered : expansion.objects()) {
      if (handled(rendered)) {
        TopLevel child = TopLevel.of(rendered);
        if (!done.containsKey(child) && !pending.containsKey(child)) {
          pending.put(child, rendered);
        }
      }
    }
  }

  private Optional<KubeObject> selfSync(Expansion first, String path, FleetContext context) {
    for (KubeObject object : first.objects()) {
      if ("Kustomization".equals(object.kind())
          && CairnApi.API_VERSION.equals(object.apiVersion())
          && path.equals(normalize(object.node().at("/spec/path").asText("")))
          && "GitRepository".equals(object.node().at("/spec/sourceRef/kind").asText())) {
        FleetIndex index = new FleetIndex();
        first.objects().forEach(o -> index.add(o, "default"));
        FleetContext probe =
            new FleetContext(
                context.tree(),
                context.repository(),
                index,
                null,
                context.charts(),
                kustomizations,
                helm,
                postRenderer);
        String ns = KustomizationExpander.namespace(object);
        String source = object.node().at("/spec/sourceRef/name").asText();
        String sourceNs = object.node().at("/spec/sourceRef/namespace").asText(ns);
        if (probe.externalGitSource(sourceNs, source).isEmpty()) {
          return Optional.of(object);
        }
      }
    }
    return Optional.empty();
  }

  private boolean handled(KubeObject object) {
    return expanders.stream().anyMatch(e -> e.handles(object));
  }

  private Expander expander(KubeObject object) {
    for (Expander expander : expanders) {
      if (expander.handles(object)) {
        return expander;
      }
    }
    throw new IllegalStateException("no expander for " + object);
  }

  /**
   * Objects a Kustomization renders without a namespace land in its targetNamespace, else default.
   */
  private static String defaultNamespace(KubeObject owner) {
    String target = owner.node().at("/spec/targetNamespace").asText("");
    return target.isEmpty() ? "default" : target;
  }

  private static KubeObject rootKustomization(String path) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("apiVersion", CairnApi.API_VERSION);
    node.put("kind", "Kustomization");
    node.putObject("metadata").put("name", "root");
    ObjectNode spec = node.putObject("spec");
    spec.put("path", path);
    spec.put("interval", "10m");
    spec.put("prune", true);
    return KubeObject.of(node);
  }

  /** {@code ./clusters/prod} for {@code clusters/prod/}, {@code ./} for the root. */
  static String normalize(String path) {
    String p = path == null ? "" : path.trim().replace('\\', '/');
    List<String> parts = new ArrayList<>();
    for (Iterator<String> it = List.of(p.split("/")).iterator(); it.hasNext(); ) {
      String part = it.next();
      if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    return "./" + String.join("/", parts);
  }
}
