package dev.cairn.manifest;

/** A Kubernetes type: group ("" for the core group), version and kind. */
public record GroupVersionKind(String group, String version, String kind) {

  /** Splits an {@code apiVersion} such as {@code apps/v1} or {@code v1}. */
  public static GroupVersionKind of(String apiVersion, String kind) {
    String api = apiVersion == null ? "" : apiVersion;
    int slash = api.indexOf('/');
    return slash < 0
        ? new GroupVersionKind("", api, kind)
        : new GroupVersionKind(api.substring(0, slash), api.substring(slash + 1), kind);
  }

  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  @Override
  public String toString() {
    return apiVersion() + ", Kind=" + kind;
  }
}
