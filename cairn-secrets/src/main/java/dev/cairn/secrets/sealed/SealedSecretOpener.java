package dev.cairn.secrets.sealed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Opens a SealedSecret manifest into the Secret the controller would write: {@code spec.template}'s
 * metadata, type and immutability, the SealedSecret's own name and namespace, and each {@code
 * spec.encryptedData} value unsealed into {@code data}. The label comes from the SealedSecret's own
 * metadata (name, namespace, scope annotations), so a SealedSecret renamed or moved does not open.
 * Owner references are the caller's (they need the SealedSecret's UID).
 */
public final class SealedSecretOpener {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final HybridUnsealer unsealer;

  public SealedSecretOpener(HybridUnsealer unsealer) {
    this.unsealer = unsealer;
  }

  /**
   * The Secret manifest of {@code sealedSecret}.
   *
   * @throws UnsealException naming the SealedSecret and every data key that did not open
   */
  public ObjectNode open(ObjectNode sealedSecret, List<SealingKey> keys) {
    JsonNode metadata = sealedSecret.path("metadata");
    String name = metadata.path("name").asText("");
    String namespace = metadata.path("namespace").asText("");
    String id = "SealedSecret " + (namespace.isEmpty() ? "" : namespace + "/") + name;
    JsonNode spec = sealedSecret.path("spec");
    if (spec.has("data") && !spec.get("data").isNull()) {
      throw new UnsealException(id + ": the deprecated spec.data is not supported; reseal it");
    }
    JsonNode template = spec.path("template");
    if (template.path("data").size() > 0) {
      throw new UnsealException(id + ": spec.template.data (templates) is not supported yet");
    }
    SealedSecretScope scope =
        SealedSecretScope.fromAnnotations(SecretSealer.stringMap(metadata.path("annotations")));
    byte[] label = scope.label(namespace, name);
    ObjectNode data = NODES.objectNode();
    List<String> failures = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> entries = spec.path("encryptedData").fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      try {
        byte[] sealed = Base64.getDecoder().decode(entry.getValue().asText());
        data.put(
            entry.getKey(),
            Base64.getEncoder().encodeToString(unsealer.unseal(keys, label, sealed)));
      } catch (IllegalArgumentException e) {
        failures.add(entry.getKey() + ": not valid base64");
      } catch (UnsealException e) {
        failures.add(entry.getKey() + ": " + e.getMessage());
      }
    }
    if (!failures.isEmpty()) {
      throw new UnsealException(id + ": cannot unseal " + String.join("; ", failures));
    }
    return secret(template, name, namespace, data);
  }

  private static ObjectNode secret(
      JsonNode template, String name, String namespace, ObjectNode data) {
    ObjectNode secret = NODES.objectNode();
    secret.put("apiVersion", "v1");
    secret.put("kind", "Secret");
    ObjectNode metadata =
        template.path("metadata").isObject()
            ? ((ObjectNode) template.get("metadata")).deepCopy()
            : NODES.objectNode();
    metadata.put("name", name);
    if (namespace.isEmpty()) {
      metadata.remove("namespace");
    } else {
      metadata.put("namespace", namespace);
    }
    secret.set("metadata", metadata);
    if (template.hasNonNull("type")) {
      secret.set("type", template.get("type"));
    }
    if (template.hasNonNull("immutable")) {
      secret.set("immutable", template.get("immutable"));
    }
    secret.set("data", data);
    return secret;
  }
}
