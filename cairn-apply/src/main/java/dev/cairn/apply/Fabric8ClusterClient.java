package dev.cairn.apply;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.manifest.GroupVersionKind;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ObjectId;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.ServerSideApplicable;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@link ClusterClient} over a fabric8 {@link KubernetesClient}, using unstructured {@link
 * GenericKubernetesResource}s. Discovery answers are cached per kind once found; a kind that is not
 * served is asked again next time (its CRD may have been established since).
 */
public final class Fabric8ClusterClient implements ClusterClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;
  private final Map<GroupVersionKind, ResourceDefinitionContext> types = new ConcurrentHashMap<>();

  public Fabric8ClusterClient(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public Optional<KubeObject> get(ObjectId id) {
    Optional<ResourceDefinitionContext> type = type(id.gvk());
    if (type.isEmpty()) {
      return Optional.empty();
    }
    GenericKubernetesResource live = call(id, () -> resource(type.get(), id).get());
    return Optional.ofNullable(live).map(this::toObject);
  }

  @Override
  public List<KubeObject> list(GroupVersionKind gvk, String namespace, Map<String, String> labels) {
    Optional<ResourceDefinitionContext> type = type(gvk);
    if (type.isEmpty()) {
      return List.of();
    }
    MixedOperation<
            GenericKubernetesResource,
            GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>>
        op = client.genericKubernetesResources(type.get());
    ObjectId what = new ObjectId(gvk.group(), gvk.version(), gvk.kind(), namespace, "*");
    List<GenericKubernetesResource> items =
        call(
            what,
            () ->
                (namespace == null || !type.get().isNamespaceScoped()
                        ? op.inAnyNamespace().withLabels(labels)
                        : op.inNamespace(namespace).withLabels(labels))
                    .list()
                    .getItems());
    return items.stream().map(this::toObject).toList();
  }

  @Override
  public KubeObject dryRunApply(KubeObject object, String fieldManager, boolean forceConflicts) {
    return serverSideApply(object, fieldManager, forceConflicts, true);
  }

  @Override
  public KubeObject apply(KubeObject object, String fieldManager, boolean forceConflicts) {
    return serverSideApply(object, fieldManager, forceConflicts, false);
  }

  private KubeObject serverSideApply(
      KubeObject object, String fieldManager, boolean forceConflicts, boolean dryRun) {
    ObjectId id = object.id();
    ResourceDefinitionContext type =
        type(id.gvk())
            .orElseThrow(
                () ->
                    new ClusterException(
                        404,
                        "NotFound",
                        "the server does not serve "
                            + id.gvk().apiVersion()
                            + " "
                            + id.kind()
                            + " (no matching CRD established?)"));
    GenericKubernetesResource item =
        JSON.convertValue(object.node(), GenericKubernetesResource.class);
    GenericKubernetesResource result =
        call(
            id,
            () -> {
              Resource<GenericKubernetesResource> target = withItem(type, id, item);
              NonDeletingOperation<GenericKubernetesResource> op =
                  dryRun ? target.dryRun() : target;
              ServerSideApplicable<GenericKubernetesResource> apply = op.fieldManager(fieldManager);
              return (forceConflicts ? apply.forceConflicts() : apply).serverSideApply();
            });
    return toObject(result);
  }

  private Resource<GenericKubernetesResource> withItem(
      ResourceDefinitionContext type, ObjectId id, GenericKubernetesResource item) {
    MixedOperation<
            GenericKubernetesResource,
            GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>>
        op = client.genericKubernetesResources(type);
    return type.isNamespaceScoped()
        ? op.inNamespace(requireNamespace(id)).resource(item)
        : op.resource(item);
  }

  private static String requireNamespace(ObjectId id) {
    if (id.namespace() == null || id.namespace().isEmpty()) {
      throw new ClusterException(
          400, "BadRequest", id + ": a namespaced " + id.kind() + " needs a namespace");
    }
    return id.namespace();
  }

  @Override
  public boolean delete(ObjectId id) {
    return delete(id, DeletePropagation.BACKGROUND);
  }

  @Override
  public boolean delete(ObjectId id, DeletePropagation propagation) {
    Optional<ResourceDefinitionContext> type = type(id.gvk());
    if (type.isEmpty()) {
      return false;
    }
    DeletionPropagation policy =
        switch (propagation) {
          case BACKGROUND -> DeletionPropagation.BACKGROUND;
          case FOREGROUND -> DeletionPropagation.FOREGROUND;
          case ORPHAN -> DeletionPropagation.ORPHAN;
        };
    return call(
        id, () -> !resource(type.get(), id).withPropagationPolicy(policy).delete().isEmpty());
  }

  @Override
  public Optional<Boolean> namespaced(GroupVersionKind gvk) {
    return type(gvk).map(ResourceDefinitionContext::isNamespaceScoped);
  }

  /** How the server serves a kind, from discovery; empty when it does not (yet). */
  Optional<ResourceDefinitionContext> definition(GroupVersionKind gvk) {
    return type(gvk);
  }

  private Optional<ResourceDefinitionContext> type(GroupVersionKind gvk) {
    ResourceDefinitionContext known = types.get(gvk);
    if (known != null) {
      return Optional.of(known);
    }
    APIResourceList resources;
    try {
      resources = client.getApiResources(gvk.apiVersion());
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return Optional.empty();
      }
      throw translate(new ObjectId(gvk.group(), gvk.version(), gvk.kind(), null, "*"), e);
    }
    if (resources == null) {
      return Optional.empty();
    }
    for (APIResource resource : resources.getResources()) {
      if (gvk.kind().equals(resource.getKind()) && !resource.getName().contains("/")) {
        ResourceDefinitionContext context =
            new ResourceDefinitionContext.Builder()
                .withGroup(gvk.group())
                .withVersion(gvk.version())
                .withKind(gvk.kind())
                .withPlural(resource.getName())
                .withNamespaced(Boolean.TRUE.equals(resource.getNamespaced()))
                .build();
        types.put(gvk, context);
        return Optional.of(context);
      }
    }
    return Optional.empty();
  }

  private Resource<GenericKubernetesResource> resource(
      ResourceDefinitionContext type, ObjectId id) {
    MixedOperation<
            GenericKubernetesResource,
            GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>>
        op = client.genericKubernetesResources(type);
    if (type.isNamespaceScoped()) {
      return op.inNamespace(requireNamespace(id)).withName(id.name());
    }
    return op.withName(id.name());
  }

  private KubeObject toObject(GenericKubernetesResource resource) {
    return KubeObject.of(JSON.convertValue(resource, ObjectNode.class));
  }

  private static <T> T call(ObjectId id, Supplier<T> request) {
    try {
      return request.get();
    } catch (KubernetesClientException e) {
      throw translate(id, e);
    }
  }

  private static ClusterException translate(ObjectId id, KubernetesClientException e) {
    String reason = e.getStatus() == null ? null : e.getStatus().getReason();
    String message =
        e.getStatus() != null && e.getStatus().getMessage() != null
            ? e.getStatus().getMessage()
            : e.getMessage();
    return new ClusterException(e.getCode(), reason, message, e);
  }
}
