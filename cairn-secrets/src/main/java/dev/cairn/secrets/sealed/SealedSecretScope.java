package dev.cairn.secrets.sealed;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a sealed value may be unsealed. The scope is bound into the ciphertext as the RSA-OAEP
 * label, so a value sealed for one name or namespace cannot be moved to another.
 */
public enum SealedSecretScope {
  /** Label {@code namespace/name}: the default. */
  STRICT("strict"),
  /** Label {@code namespace}: any name in that namespace. */
  NAMESPACE_WIDE("namespace-wide"),
  /** Empty label: any name in any namespace. */
  CLUSTER_WIDE("cluster-wide");

  public static final String NAMESPACE_WIDE_ANNOTATION = "sealedsecrets.bitnami.com/namespace-wide";
  public static final String CLUSTER_WIDE_ANNOTATION = "sealedsecrets.bitnami.com/cluster-wide";

  private final String flag;

  SealedSecretScope(String flag) {
    this.flag = flag;
  }

  /** The spelling of kubeseal's {@code --scope} flag. */
  public String flag() {
    return flag;
  }

  /** Parses kubeseal's {@code --scope} spelling; empty means strict. */
  public static SealedSecretScope parse(String flag) {
    if (flag == null || flag.isEmpty()) {
      return STRICT;
    }
    for (SealedSecretScope scope : values()) {
      if (scope.flag.equals(flag)) {
        return scope;
      }
    }
    throw new IllegalArgumentException(
        "scope '" + flag + "' must be one of: strict, namespace-wide, cluster-wide");
  }

  /**
   * The scope annotated on an object, as the controller reads it: cluster-wide wins over
   * namespace-wide; only the exact value {@code "true"} counts.
   */
  public static SealedSecretScope fromAnnotations(Map<String, String> annotations) {
    if (annotations == null) {
      return STRICT;
    }
    if ("true".equals(annotations.get(CLUSTER_WIDE_ANNOTATION))) {
      return CLUSTER_WIDE;
    }
    if ("true".equals(annotations.get(NAMESPACE_WIDE_ANNOTATION))) {
      return NAMESPACE_WIDE;
    }
    return STRICT;
  }

  /** The RSA-OAEP label of a value sealed with this scope for {@code namespace/name}. */
  public byte[] label(String namespace, String name) {
    String label =
        switch (this) {
          case CLUSTER_WIDE -> "";
          case NAMESPACE_WIDE -> nullToEmpty(namespace);
          case STRICT -> nullToEmpty(namespace) + "/" + nullToEmpty(name);
        };
    return label.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A copy of {@code annotations} that states this scope: both scope annotations removed, then the
   * one of this scope set to {@code "true"} (none for strict).
   */
  public Map<String, String> annotate(Map<String, String> annotations) {
    Map<String, String> result = new LinkedHashMap<>();
    if (annotations != null) {
      result.putAll(annotations);
    }
    result.remove(NAMESPACE_WIDE_ANNOTATION);
    result.remove(CLUSTER_WIDE_ANNOTATION);
    if (this == NAMESPACE_WIDE) {
      result.put(NAMESPACE_WIDE_ANNOTATION, "true");
    } else if (this == CLUSTER_WIDE) {
      result.put(CLUSTER_WIDE_ANNOTATION, "true");
    }
    return result;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
