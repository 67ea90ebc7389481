package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.kustomize.KustomizeException;
import dev.cairn.kustomize.transform.TransformerConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The ordered objects of one accumulation; ids are unique (namespace "" equals "default"). */
public final class ResourceSet {
  private final List<Resource> resources = new ArrayList<>();
  private final List<JsonNode> vars = new ArrayList<>();
  private TransformerConfig config = TransformerConfig.defaults();

  /** The transformer field specs in force (built-ins plus configurations from below). */
  public TransformerConfig config() {
    return config;
  }

  public void mergeConfig(TransformerConfig other) {
    config = config.merge(other);
  }

  /** The legacy var definitions collected from this set's kustomizations. */
  public List<JsonNode> vars() {
    return vars;
  }

  public List<Resource> list() {
    return resources;
  }

  public int size() {
    return resources.size();
  }

  /** Appends, refusing an object whose id is already present. */
  public void append(Resource r) {
    Resource existing = findByCurrentId(r.id());
    if (existing != null) {
      throw new KustomizeException(
          r.file(),
          r.line(),
          "may not add resource with an already registered id: "
              + r.id()
              + " (first from "
              + existing.file()
              + ")");
    }
    resources.add(r);
  }

  /**
   * An appender for many objects at once: indexes current ids once. Valid while no transformer runs
   * on the set.
   */
  public Appender appender() {
    return new Appender();
  }

  public void appendAll(ResourceSet other) {
    appender().appendAll(other);
  }

  /** Appends objects and sets, refusing duplicate ids, with one index for all of them. */
  public final class Appender {
    private final Map<String, Resource> index = new HashMap<>();

    private Appender() {
      for (Resource r : resources) {
        index.put(r.id().key(), r);
      }
    }

    public void appendAll(ResourceSet other) {
      vars.addAll(other.vars);
      mergeConfig(other.config);
      for (Resource r : other.resources) {
        append(r);
      }
    }

    public void append(Resource r) {
      String key = r.id().key();
      Resource existing = index.get(key);
      if (existing != null) {
        throw new KustomizeException(
            r.file(),
            r.line(),
            "may not add resource with an already registered id: "
                + r.id()
                + " (first from "
                + existing.file()
                + ")");
      }
      index.put(key, r);
      resources.add(r);
    }
  }

  public Resource findByCurrentId(ResId id) {
    String key = id.key();
    for (Resource r : resources) {
      if (r.id().key().equals(key)) {
        return r;
      }
    }
    return null;
  }

  /** Objects whose current or any earlier id matches {@code id}. */
  public List<Resource> findByAnyId(ResId id) {
    String key = id.key();
    List<Resource> out = new ArrayList<>();
    for (Resource r : resources) {
      if (r.id().key().equals(key)) {
        out.add(r);
        continue;
      }
      for (ResId prev : r.previousIds()) {
        if (prev.key().equals(key)) {
          out.add(r);
          break;
        }
      }
    }
    return out;
  }

  public void remove(Resource r) {
    resources.remove(r);
  }

  public void replace(Resource old, Resource replacement) {
    int i = resources.indexOf(old);
    resources.set(i, replacement);
  }

  public ResourceSet deepCopy() {
    ResourceSet copy = new ResourceSet();
    for (Resource r : resources) {
      copy.resources.add(r.deepCopy());
    }
    copy.vars.addAll(vars);
    copy.config = config;
    return copy;
  }
}
