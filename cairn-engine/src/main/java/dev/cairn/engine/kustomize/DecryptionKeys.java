package dev.cairn.engine.kustomize;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.kustomize.Decryption;
import dev.cairn.engine.ReconcileException;
import dev.cairn.secrets.sops.SopsKeys;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the SOPS keys of {@code spec.decryption.secretRef} ({@code *.agekey}, {@code *.asc}) from
 * the Kustomization's namespace, as kustomize-controller does. Key material stays in the returned
 * {@link SopsKeys}; errors name the Secret only.
 */
public final class DecryptionKeys {
  private final KubernetesClient client;

  public DecryptionKeys(KubernetesClient client) {
    this.client = client;
  }

  /** The keys, {@code null} without {@code spec.decryption}, none without a {@code secretRef}. */
  public SopsKeys read(String namespace, Decryption decryption) {
    if (decryption == null) {
      return null;
    }
    if (decryption.secretRef() == null || decryption.secretRef().name() == null) {
      return SopsKeys.none();
    }
    String id = namespace + "/" + decryption.secretRef().name();
    Secret secret;
    try {
      secret =
          client.secrets().inNamespace(namespace).withName(decryption.secretRef().name()).get();
    } catch (KubernetesClientException e) {
      throw failure("cannot get decryption Secret '" + id + "': " + e.getMessage());
    }
    if (secret == null) {
      throw failure("decryption Secret '" + id + "' not found");
    }
    Map<String, byte[]> data = new LinkedHashMap<>();
    if (secret.getData() != null) {
      secret.getData().forEach((k, v) -> data.put(k, Base64.getDecoder().decode(v)));
    }
    if (secret.getStringData() != null) {
      secret.getStringData().forEach((k, v) -> data.put(k, v.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return SopsKeys.fromSecretData(id, data);
    } catch (RuntimeException e) {
      throw failure("cannot read the keys of decryption Secret '" + id + "': " + e.getMessage());
    }
  }

  private static ReconcileException.Failed failure(String message) {
    return new ReconcileException.Failed(ConditionReasons.BUILD_FAILED, message);
  }
}
