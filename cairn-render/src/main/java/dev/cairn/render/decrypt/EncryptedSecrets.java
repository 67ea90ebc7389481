package dev.cairn.render.decrypt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.manifest.KubeObject;
import dev.cairn.render.RenderException;
import dev.cairn.render.RenderException.Reason;
import dev.cairn.secrets.sops.SopsDecryptor;
import dev.cairn.secrets.sops.SopsException;
import dev.cairn.secrets.sops.SopsFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * SOPS-encrypted Secret manifests in a built set: decrypted (MAC not checked, as
 * kustomize-controller: Kustomize changed the object), skipped when annotated {@value
 * #DECRYPT_ANNOTATION}: {@code disabled}, and refused when they stay encrypted.
 */
final class EncryptedSecrets {
  static final String DECRYPT_ANNOTATION = "kustomize.toolkit.fluxcd.io/decrypt";
  private static final String MARKER = "ENC[AES256_GCM,";
  private static final ObjectMapper JSON = new ObjectMapper();

  private EncryptedSecrets() {}

  static List<KubeObject> decrypt(List<KubeObject> objects, SopsDecryptor decryptor) {
    List<KubeObject> out = new ArrayList<>(objects.size());
    for (KubeObject object : objects) {
      if (!isSecret(object) || "disabled".equals(object.annotations().get(DECRYPT_ANNOTATION))) {
        out.add(object);
        continue;
      }
      KubeObject plain = object.node().has("sops") ? open(object, decryptor) : object;
      if (plain.node().toString().contains(MARKER)) {
        throw new RenderException(
            Reason.DECRYPTION_FAILED,
            describe(object) + " is still SOPS-encrypted after decryption; refusing to apply it");
      }
      out.add(plain);
    }
    return out;
  }

  private static KubeObject open(KubeObject object, SopsDecryptor decryptor) {
    if (decryptor == null) {
      throw new RenderException(
          Reason.DECRYPTION_FAILED,
          describe(object)
              + " is SOPS-encrypted but spec.decryption is not set; refusing to apply it");
    }
    try {
      byte[] json = JSON.writeValueAsBytes(object.node());
      List<ObjectNode> documents =
          decryptor.decrypt(describe(object), json, SopsFormat.JSON).documents();
      JsonNode plain = documents.isEmpty() ? null : documents.get(0);
      if (!(plain instanceof ObjectNode node)) {
        throw new RenderException(
            Reason.DECRYPTION_FAILED, describe(object) + " decrypted into no object");
      }
      return KubeObject.of(node, object.origin());
    } catch (SopsException e) {
      throw new RenderException(
          Reason.DECRYPTION_FAILED, "decryption failed for " + e.getMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new RenderException(Reason.DECRYPTION_FAILED, describe(object) + ": " + e.getMessage());
    }
  }

  private static boolean isSecret(KubeObject object) {
    return "v1".equals(object.apiVersion()) && "Secret".equals(object.kind());
  }

  private static String describe(KubeObject object) {
    String ns = object.namespace();
    String id = "Secret/" + (ns == null ? "" : ns + "/") + object.name();
    return object.origin() == null ? id : id + " (" + object.origin().file() + ")";
  }
}
