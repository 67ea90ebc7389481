package dev.cairn.engine.preview;

import dev.cairn.manifest.KubeObject;
import java.util.Comparator;

/**
 * A top-level object of the fleet: the Kustomization or HelmRelease (or, later, Application) that
 * owns rendered objects. The root of the preview is a Kustomization with an empty namespace named
 * by its path.
 */
public record TopLevel(String kind, String namespace, String name) implements Comparable<TopLevel> {
  private static final Comparator<TopLevel> ORDER =
      Comparator.comparing(TopLevel::kind)
          .thenComparing(TopLevel::namespace)
          .thenComparing(TopLevel::name);

  public TopLevel {
    namespace = namespace == null ? "" : namespace;
  }

  /** The top-level identity of a rendered object ({@code default} namespace when it has none). */
  public static TopLevel of(KubeObject object) {
    String ns = object.namespace();
    return new TopLevel(object.kind(), ns == null || ns.isEmpty() ? "default" : ns, object.name());
  }

  @Override
  public int compareTo(TopLevel other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
  }
}
