package dev.cairn.secrets.sealed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a Secret manifest into a {@code bitnami.com/v1alpha1} SealedSecret manifest as {@code
 * kubeseal} does: each {@code data} and {@code stringData} value sealed on its own for the Secret's
 * scope, the Secret's metadata, type and immutability kept in {@code spec.template} (without
 * server-set fields, owner references or last-applied copies, which would leak the plaintext), and
 * the scope annotations on both.
 */
public final class SecretSealer {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> SERVER_FIELDS =
      List.of(
          "selfLink",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "ownerReferences");
  private static final List<String> LAST_APPLIED =
      List.of(
          "kubectl.kubernetes.io/last-applied-configuration",
          "kubecfg.ksonnet.io/last-applied-configuration");

  private final HybridSealer sealer;

  public SecretSealer(HybridSealer sealer) {
    this.sealer = sealer;
  }

  /**
   * The SealedSecret of {@code secret}.
   *
   * @param scope a scope to impose, or {@code null} to keep the one the Secret's annotations state
   * @param defaultNamespace the namespace of a Secret that names none (kubeseal takes the
   *     kubeconfig's); may be {@code null}
   */
  public ObjectNode seal(
      ObjectNode secret, RSAPublicKey publicKey, SealedSecretScope scope, String defaultNamespace) {
    if (!"Secret".equals(secret.path("kind").asText())
        || !"v1".equals(text(secret, "apiVersion"))) {
      throw new IllegalArgumentException("the input is not a v1 Secret");
    }
    ObjectNode metadata =
        secret.path("metadata").isObject()
            ? ((ObjectNode) secret.get("metadata")).deepCopy()
            : NODES.objectNode();
    String name = text(metadata, "name");
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("missing metadata.name in the input Secret");
    }
    Map<String, String> annotations = stringMap(metadata.path("annotations"));
    if (scope != null && scope != SealedSecretScope.STRICT) {
      annotations = scope.annotate(annotations);
    }
    SealedSecretScope effective = SealedSecretScope.fromAnnotations(annotations);
    String namespace = text(metadata, "namespace");
    if (effective != SealedSecretScope.CLUSTER_WIDE && (namespace == null || namespace.isEmpty())) {
      if (defaultNamespace == null || defaultNamespace.isEmpty()) {
        throw new IllegalArgumentException(
            "Secret " + name + " must declare a namespace (or be sealed cluster-wide)");
      }
      namespace = defaultNamespace;
      metadata.put("namespace", namespace);
    }
    SERVER_FIELDS.forEach(metadata::remove);
    LAST_APPLIED.forEach(annotations::remove);
    if (annotations.isEmpty()) {
      metadata.remove("annotations");
    } else {
      ObjectNode annotationNode = metadata.putObject("annotations");
      annotations.forEach(annotationNode::put);
    }
    ObjectNode encrypted = encryptedData(secret, publicKey, effective.label(namespace, name), name);
    return sealedSecret(secret, metadata, encrypted, effective, name, namespace);
  }

  private ObjectNode encryptedData(
      ObjectNode secret, RSAPublicKey publicKey, byte[] label, String name) {
    Map<String, byte[]> values = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> data = secret.path("data").fields();
    while (data.hasNext()) {
      Map.Entry<String, JsonNode> entry = data.next();
      try {
        values.put(entry.getKey(), Base64.getDecoder().decode(entry.getValue().asText()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Secret " + name + ": data." + entry.getKey() + " is not valid base64");
      }
    }
    Iterator<Map.Entry<String, JsonNode>> stringData = secret.path("stringData").fields();
    while (stringData.hasNext()) {
      Map.Entry<String, JsonNode> entry = stringData.next();
      values.put(entry.getKey(), entry.getValue().asText().getBytes(StandardCharsets.UTF_8));
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException(
          "Secret " + name + " has no data or stringData: nothing to seal");
    }
    ObjectNode encrypted = NODES.objectNode();
    Base64.Encoder base64 = Base64.getEncoder();
    values.forEach(
        (key, value) ->
            encrypted.put(key, base64.encodeToString(sealer.seal(publicKey, label, value))));
    return encrypted;
  }

  private static ObjectNode sealedSecret(
      ObjectNode secret,
      ObjectNode templateMetadata,
      ObjectNode encrypted,
      SealedSecretScope scope,
      String name,
      String namespace) {
    ObjectNode sealed = NODES.objectNode();
    sealed.put("apiVersion", "bitnami.com/v1alpha1");
    sealed.put("kind", "SealedSecret");
    ObjectNode metadata = sealed.putObject("metadata");
    metadata.put("name", name);
    if (namespace != null && !namespace.isEmpty()) {
      metadata.put("namespace", namespace);
    }
    Map<String, String> scopeAnnotations = scope.annotate(Map.of());
    if (!scopeAnnotations.isEmpty()) {
      ObjectNode annotations = metadata.putObject("annotations");
      scopeAnnotations.forEach(annotations::put);
    }
    ObjectNode spec = sealed.putObject("spec");
    spec.set("encryptedData", encrypted);
    ObjectNode template = spec.putObject("template");
    template.set("metadata", templateMetadata);
    if (secret.hasNonNull("type")) {
      template.set("type", secret.get("type"));
    }
    if (secret.hasNonNull("immutable")) {
      template.set("immutable", secret.get("immutable"));
    }
    return sealed;
  }

  static Map<String, String> stringMap(JsonNode node) {
    Map<String, String> map = new LinkedHashMap<>();
    node.fields().forEachRemaining(entry -> map.put(entry.getKey(), entry.getValue().asText()));
    return map;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
