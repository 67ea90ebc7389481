package dev.cairn.engine.helm;

import java.util.List;
import java.util.Map;

/**
 * One revision of a Helm release, in the shape Helm stores it ({@code release.Release}): name,
 * namespace, version, info, chart metadata, the user-supplied values ({@code config}), the manifest
 * and the hooks. {@code toString} names the revision only: config may hold secrets.
 *
 * @param status {@code deployed}, {@code superseded}, {@code failed}, {@code uninstalled}, ...
 */
public record ReleaseRecord(
    String name,
    String namespace,
    int version,
    String status,
    String firstDeployed,
    String lastDeployed,
    String description,
    Map<String, Object> chartMetadata,
    Map<String, Object> config,
    String manifest,
    List<Map<String, Object>> hooks) {

  public static final String DEPLOYED = "deployed";
  public static final String SUPERSEDED = "superseded";
  public static final String FAILED = "failed";
  public static final String UNINSTALLED = "uninstalled";

  public ReleaseRecord {
    chartMetadata = chartMetadata == null ? Map.of() : chartMetadata;
    config = config == null ? Map.of() : config;
    manifest = manifest == null ? "" : manifest;
    hooks = hooks == null ? List.of() : hooks;
  }

  public String chartName() {
    return String.valueOf(chartMetadata.getOrDefault("name", ""));
  }

  public String chartVersion() {
    return String.valueOf(chartMetadata.getOrDefault("version", ""));
  }

  public String appVersion() {
    Object app = chartMetadata.get("appVersion");
    return app == null ? "" : String.valueOf(app);
  }

  public ReleaseRecord withStatus(String newStatus) {
    return new ReleaseRecord(
        name,
        namespace,
        version,
        newStatus,
        firstDeployed,
        lastDeployed,
        description,
        chartMetadata,
        config,
        manifest,
        hooks);
  }

  public ReleaseRecord withDescription(String newDescription) {
    return new ReleaseRecord(
        name,
        namespace,
        version,
        status,
        firstDeployed,
        lastDeployed,
        newDescription,
        chartMetadata,
        config,
        manifest,
        hooks);
  }

  /** {@code <namespace>/<name>.v<version>}, as Flux names a revision in messages. */
  public String describe() {
    return namespace + "/" + name + ".v" + version;
  }

  @Override
  public String toString() {
    return "ReleaseRecord["
        + describe()
        + " "
        + status
        + ", chart "
        + chartName()
        + "@"
        + chartVersion()
        + "]";
  }
}
