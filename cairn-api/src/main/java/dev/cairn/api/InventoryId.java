package dev.cairn.api;

import java.util.Objects;

/**
 * The identity of an applied object in Flux's inventory format {@code
 * <namespace>_<name>_<group>_<kind>}: namespace is empty for cluster-scoped objects, group is empty
 * for the core group, and a {@code :} in the name (RBAC names) is written as {@code __}.
 */
public record InventoryId(String namespace, String name, String group, String kind) {

  private static final char SEPARATOR = '_';

  public InventoryId {
    namespace = namespace == null ? "" : namespace;
    group = group == null ? "" : group;
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  /** The id string, e.g. {@code apps_podinfo_apps_Deployment} or {@code _default__Namespace}. */
  public String format() {
    return namespace + SEPARATOR + name.replace(":", "__") + SEPARATOR + group + SEPARATOR + kind;
  }

  /**
   * Parses an id string written by {@link #format()} or by Flux.
   *
   * @throws IllegalArgumentException when the string does not have the four parts
   */
  public static InventoryId parse(String id) {
    Objects.requireNonNull(id, "id");
    int first = id.indexOf(SEPARATOR);
    int last = id.lastIndexOf(SEPARATOR);
    int beforeLast = last > 0 ? id.lastIndexOf(SEPARATOR, last - 1) : -1;
    if (first < 0 || beforeLast <= first || last == id.length() - 1) {
      throw new IllegalArgumentException(
          "inventory id '" + id + "' is not in the form <namespace>_<name>_<group>_<kind>");
    }
    String name = id.substring(first + 1, beforeLast).replace("__", ":");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("inventory id '" + id + "' has an empty name");
    }
    return new InventoryId(
        id.substring(0, first), name, id.substring(beforeLast + 1, last), id.substring(last + 1));
  }

  /** The apiVersion of this object at {@code version}: {@code group/version}, or the version. */
  public String apiVersion(String version) {
    return group.isEmpty() ? version : group + "/" + version;
  }
}
