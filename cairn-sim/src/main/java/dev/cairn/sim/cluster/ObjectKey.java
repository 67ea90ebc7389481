package dev.cairn.sim.cluster;

/**
 * Identity of a stored object, independent of the version it was written in. {@code namespace} is
 * empty for cluster-scoped objects.
 */
record ObjectKey(String group, String plural, String namespace, String name) {

  static ObjectKey of(ResourceType type, String namespace, String name) {
    return new ObjectKey(type.group(), type.plural(), type.namespaced() ? namespace : "", name);
  }

  String typeKey() {
    return Joined.of(group, plural);
  }

  @Override
  public String toString() {
    String resource = group.isEmpty() ? plural : plural + "." + group;
    return namespace.isEmpty() ? resource + "/" + name : resource + "/" + namespace + "/" + name;
  }
}
