package dev.cairn.engine.helm;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Helm's Secret storage driver, as far as Cairn needs it: one Secret per revision, named {@code
 * sh.helm.release.v1.<release>.v<N>}, type {@value #TYPE}, labelled {@code owner=helm}, {@code
 * name}, {@code status}, {@code version}, with the encoded release under {@code release}.
 */
final class ReleaseStorage {
  static final String TYPE = "helm.sh/release.v1";
  static final String FIELD_MANAGER = "cairn";

  private final KubernetesClient client;

  ReleaseStorage(KubernetesClient client) {
    this.client = client;
  }

  /** Every stored revision of {@code release}, oldest first. */
  List<ReleaseRecord> history(String namespace, String release) {
    List<ReleaseRecord> records = new ArrayList<>();
    for (Secret secret :
        client
            .secrets()
            .inNamespace(namespace)
            .withLabels(Map.of("owner", "helm", "name", release))
            .list()
            .getItems()) {
      String data = secret.getData() == null ? null : secret.getData().get("release");
      if (data != null && TYPE.equals(secret.getType())) {
        String encoded = new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
        records.add(ReleaseCodec.decode(encoded));
      }
    }
    records.sort(Comparator.comparingInt(ReleaseRecord::version));
    return records;
  }

  /** The newest revision, if any. */
  Optional<ReleaseRecord> latest(String namespace, String release) {
    List<ReleaseRecord> all = history(namespace, release);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** Writes (creates or replaces) the Secret of {@code record}. */
  void write(String namespace, ReleaseRecord record) {
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName(ReleaseNames.storageSecretName(record.name(), record.version()))
            .withNamespace(namespace)
            .withLabels(
                Map.of(
                    "owner", "helm",
                    "name", record.name(),
                    "status", record.status(),
                    "version", Integer.toString(record.version())))
            .endMetadata()
            .withType(TYPE)
            .withData(
                Map.of(
                    "release",
                    Base64.getEncoder()
                        .encodeToString(
                            ReleaseCodec.encode(record).getBytes(StandardCharsets.UTF_8))))
            .build();
    client
        .secrets()
        .inNamespace(namespace)
        .resource(secret)
        .patch(
            new PatchContext.Builder()
                .withPatchType(PatchType.SERVER_SIDE_APPLY)
                .withFieldManager(FIELD_MANAGER)
                .withForce(true)
                .build());
  }

  /**
   * Deletes the revisions of {@code oldestFirst} (the release's stored revisions, oldest first, as
   * {@link #history} lists them) beyond the newest {@code max} (0: keep all); returns those kept.
   */
  List<ReleaseRecord> trim(String namespace, List<ReleaseRecord> oldestFirst, int max) {
    if (max <= 0 || oldestFirst.size() <= max) {
      return oldestFirst;
    }
    int excess = oldestFirst.size() - max;
    for (int i = 0; i < excess; i++) {
      delete(namespace, oldestFirst.get(i));
    }
    return List.copyOf(oldestFirst.subList(excess, oldestFirst.size()));
  }

  void delete(String namespace, ReleaseRecord record) {
    client
        .secrets()
        .inNamespace(namespace)
        .withName(ReleaseNames.storageSecretName(record.name(), record.version()))
        .delete();
  }

  /** Deletes every revision of {@code release}. */
  void deleteAll(String namespace, String release) {
    for (ReleaseRecord record : history(namespace, release)) {
      delete(namespace, record);
    }
  }
}
