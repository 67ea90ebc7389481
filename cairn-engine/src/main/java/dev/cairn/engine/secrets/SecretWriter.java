package dev.cairn.engine.secrets;

import dev.cairn.api.sealed.SealedSecret;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creates or updates the Secret of a SealedSecret as the sealed-secrets controller does: owned by
 * the SealedSecret through a controller owner reference (unless the template says {@value
 * SealedSecret#SKIP_OWNER_REFERENCES_ANNOTATION}), and an existing Secret is taken over only when
 * the SealedSecret owns it or it carries {@value SealedSecret#MANAGED_ANNOTATION}: "true".
 */
final class SecretWriter {

  /** The Secret exists and belongs to someone else. */
  static final class NotManagedException extends RuntimeException {
    NotManagedException(String message) {
      super(message);
    }
  }

  private final KubernetesClient client;

  SecretWriter(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Writes {@code desired} for {@code owner}; returns true when it created or changed the Secret.
   *
   * @throws NotManagedException when an existing Secret is not the SealedSecret's to change
   */
  boolean write(SealedSecret owner, Secret desired) {
    ObjectMeta meta = desired.getMetadata();
    if (!skipOwnerReference(meta)) {
      meta.setOwnerReferences(List.of(ownerReference(owner)));
    }
    Secret existing =
        client.secrets().inNamespace(meta.getNamespace()).withName(meta.getName()).get();
    if (existing == null) {
      client.secrets().inNamespace(meta.getNamespace()).resource(desired).create();
      return true;
    }
    if (!ownedBy(existing, owner) && !managed(existing)) {
      throw new NotManagedException(
          "Resource \""
              + meta.getName()
              + "\" already exists and is not managed by SealedSecret "
              + meta.getNamespace()
              + "/"
              + owner.getMetadata().getName());
    }
    Secret updated = merge(existing, desired);
    if (same(existing, updated)) {
      return false;
    }
    client.secrets().inNamespace(meta.getNamespace()).resource(updated).update();
    return true;
  }

  /** The existing Secret with the desired data, type, labels, annotations and owner. */
  private static Secret merge(Secret existing, Secret desired) {
    Secret updated = new Secret();
    updated.setApiVersion("v1");
    updated.setKind("Secret");
    ObjectMeta meta = new ObjectMeta();
    ObjectMeta was = existing.getMetadata();
    meta.setName(was.getName());
    meta.setNamespace(was.getNamespace());
    meta.setResourceVersion(was.getResourceVersion());
    meta.setUid(was.getUid());
    meta.setLabels(desired.getMetadata().getLabels());
    meta.setAnnotations(desired.getMetadata().getAnnotations());
    List<OwnerReference> owners =
        desired.getMetadata().getOwnerReferences() == null
            ? was.getOwnerReferences()
            : mergeOwners(was.getOwnerReferences(), desired.getMetadata().getOwnerReferences());
    meta.setOwnerReferences(owners);
    updated.setMetadata(meta);
    updated.setType(desired.getType() == null ? existing.getType() : desired.getType());
    updated.setImmutable(existing.getImmutable());
    updated.setData(desired.getData());
    return updated;
  }

  private static List<OwnerReference> mergeOwners(
      List<OwnerReference> existing, List<OwnerReference> desired) {
    List<OwnerReference> merged = new ArrayList<>();
    if (existing != null) {
      existing.stream().filter(o -> !Boolean.TRUE.equals(o.getController())).forEach(merged::add);
    }
    merged.addAll(desired);
    return merged;
  }

  private static boolean same(Secret a, Secret b) {
    return Objects.equals(nonEmpty(a.getData()), nonEmpty(b.getData()))
        && Objects.equals(a.getType(), b.getType())
        && Objects.equals(
            nonEmpty(a.getMetadata().getLabels()), nonEmpty(b.getMetadata().getLabels()))
        && Objects.equals(
            nonEmpty(a.getMetadata().getAnnotations()), nonEmpty(b.getMetadata().getAnnotations()))
        && Objects.equals(
            a.getMetadata().getOwnerReferences() == null
                ? List.of()
                : a.getMetadata().getOwnerReferences(),
            b.getMetadata().getOwnerReferences() == null
                ? List.of()
                : b.getMetadata().getOwnerReferences());
  }

  private static <K, V> Map<K, V> nonEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }

  private static boolean skipOwnerReference(ObjectMeta meta) {
    return meta.getAnnotations() != null
        && "true".equals(meta.getAnnotations().get(SealedSecret.SKIP_OWNER_REFERENCES_ANNOTATION));
  }

  private static boolean managed(Secret secret) {
    Map<String, String> annotations = secret.getMetadata().getAnnotations();
    return annotations != null && "true".equals(annotations.get(SealedSecret.MANAGED_ANNOTATION));
  }

  private static boolean ownedBy(Secret secret, SealedSecret owner) {
    List<OwnerReference> owners = secret.getMetadata().getOwnerReferences();
    return owners != null
        && owners.stream().anyMatch(o -> Objects.equals(o.getUid(), owner.getMetadata().getUid()));
  }

  private static OwnerReference ownerReference(SealedSecret owner) {
    return new OwnerReferenceBuilder()
        .withApiVersion(SealedSecret.API_VERSION)
        .withKind("SealedSecret")
        .withName(owner.getMetadata().getName())
        .withUid(owner.getMetadata().getUid())
        .withController(true)
        .build();
  }
}
