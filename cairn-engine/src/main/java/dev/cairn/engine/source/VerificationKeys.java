package dev.cairn.engine.source;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.source.GitRepositoryVerification;
import dev.cairn.api.source.GitVerificationMode;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.SecretData;
import dev.cairn.source.git.VerifySpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code spec.verify} of a GitRepository: the mode, and the OpenPGP public keys of the Secret
 * it names. As in Flux every value of the Secret is a key (any key name, e.g. {@code author.asc});
 * a Secret that cannot be read fails the run with {@code VerificationError}.
 */
final class VerificationKeys {
  private final KubernetesClient client;

  VerificationKeys(KubernetesClient client) {
    this.client = client;
  }

  VerifySpec read(String namespace, GitRepositoryVerification verify) {
    String name = verify.secretRef().name();
    Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
    if (secret == null) {
      throw failed(
          "PGP public keys secret error: secret '" + namespace + "/" + name + "' not found");
    }
    Map<String, String> data = SecretData.of(secret);
    List<String> keys = data.values().stream().filter(v -> !v.isBlank()).toList();
    if (keys.isEmpty()) {
      throw failed(
          "PGP public keys secret error: secret '" + namespace + "/" + name + "' holds no keys");
    }
    return VerifySpec.of(mode(verify.mode()), keys);
  }

  static VerifySpec.Mode mode(GitVerificationMode mode) {
    if (mode == null) {
      return VerifySpec.Mode.HEAD;
    }
    return switch (mode) {
      case HEAD, HEAD_LOWER_CASE -> VerifySpec.Mode.HEAD;
      case TAG -> VerifySpec.Mode.TAG;
      case TAG_AND_HEAD -> VerifySpec.Mode.TAG_AND_HEAD;
    };
  }

  /** Flux's spelling of a mode, for {@code status.sourceVerificationMode}. */
  static String spelling(VerifySpec.Mode mode) {
    return switch (mode) {
      case HEAD -> "HEAD";
      case TAG -> "Tag";
      case TAG_AND_HEAD -> "TagAndHEAD";
    };
  }

  private static ReconcileException.Failed failed(String message) {
    return new ReconcileException.Failed(ConditionReasons.VERIFICATION_ERROR, message);
  }
}
