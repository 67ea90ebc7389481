package dev.cairn.engine.notification;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.notification.Receiver;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.SecretData;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Reads a Receiver's token (key {@code token} of {@code spec.secretRef}); never logs it. */
final class ReceiverTokens {
  private final KubernetesClient client;

  ReceiverTokens(KubernetesClient client) {
    this.client = client;
  }

  /**
   * @throws ReconcileException.Failed when the Secret or its key is missing (it may appear)
   */
  String token(Receiver receiver) {
    String namespace = receiver.getMetadata().getNamespace();
    String name = receiver.getSpec().secretRef().name();
    String id = "Receiver " + namespace + "/" + receiver.getMetadata().getName();
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      throw new ReconcileException.Failed(
          ConditionReasons.FAILED, id + ": Secret " + name + " not found");
    }
    String token = SecretData.of(secret).get("token");
    if (token == null || token.isEmpty()) {
      throw new ReconcileException.Failed(
          ConditionReasons.FAILED, id + ": Secret " + name + " has no key token");
    }
    return token;
  }
}
