package dev.cairn.kustomize.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One object during a build: its mutable tree, where it was read from, the ids it had before
 * renames (for name references), and generator bookkeeping.
 */
public final class Resource {
  /** How a generated object combines with an existing one of the same id. */
  public enum Behavior {
    CREATE,
    MERGE,
    REPLACE
  }

  private ObjectNode node;
  private final String file;
  private final int line;
  private final List<ResId> previousIds;
  private boolean needsHashSuffix;
  private Behavior behavior;
  private String originPath;
  private String generatedBy;
  private List<String> transformations = new ArrayList<>();
  private int erasedAt = -1;
  private List<String> prefixes = new ArrayList<>();
  private List<String> suffixes = new ArrayList<>();

  public Resource(ObjectNode node, String file, int line) {
    this(node, file, line, new ArrayList<>());
  }

  private Resource(ObjectNode node, String file, int line, List<ResId> previous) {
    this.node = node;
    this.file = file;
    this.line = line;
    this.previousIds = previous;
  }

  public ObjectNode node() {
    return node;
  }

  public void replaceNode(ObjectNode value) {
    node = value;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public ResId id() {
    return ResId.of(node);
  }

  /** The id the object had when first read (before any rename). */
  public ResId originalId() {
    return previousIds.isEmpty() ? id() : previousIds.get(0);
  }

  public List<ResId> previousIds() {
    return previousIds;
  }

  /** Records the current id before a transformer changes the name or namespace. */
  public void rememberId() {
    previousIds.add(id());
  }

  public String name() {
    return node.path("metadata").path("name").asText("");
  }

  public String namespace() {
    return node.path("metadata").path("namespace").asText("");
  }

  public String kind() {
    return node.path("kind").asText("");
  }

  public ObjectNode metadata() {
    JsonNode m = node.get("metadata");
    if (m instanceof ObjectNode o) {
      return o;
    }
    ObjectNode created = JsonNodeFactory.instance.objectNode();
    node.set("metadata", created);
    return created;
  }

  public void setName(String name) {
    metadata().put("name", name);
  }

  public void setNamespace(String namespace) {
    metadata().put("namespace", namespace);
  }

  public boolean needsHashSuffix() {
    return needsHashSuffix;
  }

  public void setNeedsHashSuffix(boolean value) {
    needsHashSuffix = value;
  }

  public Behavior behavior() {
    return behavior;
  }

  public void setBehavior(Behavior value) {
    behavior = value;
  }

  /** The build-relative path for the config.kubernetes.io/origin annotation, or null. */
  public String originPath() {
    return originPath;
  }

  public void setOriginPath(String value) {
    originPath = value;
  }

  /**
   * The index, among the transformers of the kustomization being accumulated, of the last patch
   * that erased the build annotations kustomize keeps on the object during a build, or -1.
   */
  public int erasedAt() {
    return erasedAt;
  }

  public void setErasedAt(int index) {
    erasedAt = index;
  }

  /** The generator kind (e.g. ConfigMapGenerator) for generated objects, else null. */
  public String generatedBy() {
    return generatedBy;
  }

  public void setGeneratedBy(String value) {
    generatedBy = value;
  }

  /**
   * The built-in transformers configured for this object so far, as "configuredIn|kind" (for the
   * transformerAnnotations build metadata).
   */
  public List<String> transformations() {
    return transformations;
  }

  /** The name prefixes applied so far, outermost last (to tell apart same-named referrals). */
  public List<String> prefixes() {
    return prefixes;
  }

  public List<String> suffixes() {
    return suffixes;
  }

  /** Copies the rename history (ids, prefixes, suffixes) of another object. */
  public void copyHistoryFrom(Resource other) {
    previousIds.clear();
    previousIds.addAll(other.previousIds);
    prefixes = new ArrayList<>(other.prefixes);
    transformations = new ArrayList<>(other.transformations);
    suffixes = new ArrayList<>(other.suffixes);
  }

  public Resource deepCopy() {
    Resource r = new Resource(node.deepCopy(), file, line, new ArrayList<>(previousIds));
    r.needsHashSuffix = needsHashSuffix;
    r.behavior = behavior;
    r.originPath = originPath;
    r.generatedBy = generatedBy;
    r.prefixes = new ArrayList<>(prefixes);
    r.transformations = new ArrayList<>(transformations);
    r.suffixes = new ArrayList<>(suffixes);
    return r;
  }

  @Override
  public String toString() {
    return id().toString();
  }
}
