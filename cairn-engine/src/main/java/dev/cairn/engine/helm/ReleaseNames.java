package dev.cairn.engine.helm;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Flux's naming rules for a HelmRelease's Helm release and its HelmChart. */
public final class ReleaseNames {
  /** Helm refuses release names longer than this. */
  public static final int MAX_LENGTH = 53;

  private static final int HASH_LENGTH = 12;

  private ReleaseNames() {}

  /**
   * {@code spec.releaseName}, else {@code [<targetNamespace>-]<name>}, shortened when longer than
   * 53 characters to its first 40 characters, a dash and the first 12 hex digits of its SHA-256.
   */
  public static String releaseName(String name, String targetNamespace, String releaseName) {
    if (releaseName != null && !releaseName.isEmpty()) {
      return releaseName;
    }
    String full =
        targetNamespace == null || targetNamespace.isEmpty() ? name : targetNamespace + "-" + name;
    return shorten(full);
  }

  static String shorten(String name) {
    if (name.length() <= MAX_LENGTH) {
      return name;
    }
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      String hex = HexFormat.of().formatHex(hash);
      return name.substring(0, MAX_LENGTH - HASH_LENGTH - 1) + "-" + hex.substring(0, HASH_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The HelmChart Flux creates for {@code spec.chart}: {@code <namespace>-<name>}. */
  public static String helmChartName(String namespace, String name) {
    return namespace + "-" + name;
  }

  /** The Secret that stores revision {@code version}: {@code sh.helm.release.v1.<name>.v<N>}. */
  public static String storageSecretName(String release, int version) {
    return "sh.helm.release.v1." + release + ".v" + version;
  }
}
