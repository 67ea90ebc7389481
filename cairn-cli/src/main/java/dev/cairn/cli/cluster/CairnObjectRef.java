package dev.cairn.cli.cluster;

/** One Cairn object by kind, namespace and name. */
public record CairnObjectRef(CairnKind kind, String namespace, String name) {

  @Override
  public String toString() {
    return kind.name() + "/" + namespace + "/" + name;
  }
}
