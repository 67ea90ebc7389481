package dev.cairn.cli.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The facade over Cairn objects in a cluster: list and read their status, suspend and resume them,
 * ask for a reconciliation and wait until it was handled.
 */
public final class CairnObjects {

  /**
   * The annotation a reconcile request sets (Flux's is {@code reconcile.fluxcd.io/requestedAt}).
   */
  public static final String REQUESTED_AT = "reconcile.cairn.dev/requestedAt";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final KubernetesClient client;

  public CairnObjects(KubernetesClient client) {
    this.client = client;
  }

  /** Objects of the given kinds in {@code namespace} ({@code null}: all), sorted by kind, name. */
  public List<ObjectStatus> list(List<CairnKind> kinds, String namespace) {
    List<ObjectStatus> result = new ArrayList<>();
    for (CairnKind kind : kinds) {
      for (GenericKubernetesResource item : listItems(kind, namespace)) {
        result.add(ObjectStatus.of(kind, tree(item)));
      }
    }
    result.sort(
        Comparator.comparing((ObjectStatus s) -> CairnKind.valueOf(s.kind()).ordinal())
            .thenComparing(ObjectStatus::namespace)
            .thenComparing(ObjectStatus::name));
    return result;
  }

  private List<GenericKubernetesResource> listItems(CairnKind kind, String namespace) {
    try {
      GenericKubernetesResourceList list =
          namespace == null
              ? client.genericKubernetesResources(kind.context()).inAnyNamespace().list()
              : client.genericKubernetesResources(kind.context()).inNamespace(namespace).list();
      return list.getItems();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return List.of(); // the kind's CRD is not installed: nothing of that kind exists
      }
      throw e;
    }
  }

  /** One object's status, or an error naming it when it does not exist. */
  public ObjectStatus get(CairnObjectRef ref) {
    return ObjectStatus.of(ref.kind(), object(ref));
  }

  /** One object as a JSON tree, or an error naming it when it does not exist. */
  public JsonNode object(CairnObjectRef ref) {
    GenericKubernetesResource item = resource(ref).get();
    if (item == null) {
      throw new NotFoundException(ref + " not found");
    }
    return tree(item);
  }

  /** Sets {@code spec.suspend}; returns whether it changed. */
  public boolean setSuspended(CairnObjectRef ref, boolean suspended) {
    boolean was = get(ref).suspended();
    if (was == suspended) {
      return false;
    }
    resource(ref)
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"suspend\":" + suspended + "}}");
    return true;
  }

  /** Sets the reconcile-request annotation to now (RFC 3339) and returns that value. */
  public String requestReconcile(CairnObjectRef ref) {
    get(ref);
    String now = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    resource(ref)
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\"" + REQUESTED_AT + "\":\"" + now + "\"}}}");
    return now;
  }

  /** Waits until {@code status.lastHandledReconcileAt} equals {@code token}. */
  public ObjectStatus awaitHandled(CairnObjectRef ref, String token, Duration timeout) {
    try {
      GenericKubernetesResource handled =
          resource(ref)
              .waitUntilCondition(
                  r ->
                      r != null
                          && token.equals(
                              tree(r).at("/status/lastHandledReconcileAt").asText(null)),
                  timeout.toMillis(),
                  TimeUnit.MILLISECONDS);
      return ObjectStatus.of(ref.kind(), tree(handled));
    } catch (KubernetesClientTimeoutException e) {
      throw new IllegalStateException(
          ref + ": the reconcile request was not handled within " + timeout.toSeconds() + "s");
    }
  }

  /** The source an object reads from: a Kustomization's sourceRef, a HelmRelease's HelmChart. */
  public Optional<CairnObjectRef> sourceOf(CairnObjectRef ref) {
    JsonNode object = object(ref);
    if (ref.kind() == CairnKind.Kustomization) {
      return reference(object.at("/spec/sourceRef"), ref.namespace());
    }
    if (ref.kind() == CairnKind.HelmRelease) {
      String chart = object.at("/status/helmChart").asText("");
      if (chart.contains("/")) {
        String[] parts = chart.split("/", 2);
        return Optional.of(new CairnObjectRef(CairnKind.HelmChart, parts[0], parts[1]));
      }
      return reference(object.at("/spec/chartRef"), ref.namespace());
    }
    if (ref.kind() == CairnKind.HelmChart) {
      return reference(object.at("/spec/sourceRef"), ref.namespace());
    }
    return Optional.empty();
  }

  private static Optional<CairnObjectRef> reference(JsonNode sourceRef, String defaultNamespace) {
    if (sourceRef.isMissingNode()) {
      return Optional.empty();
    }
    return CairnKind.parse(sourceRef.path("kind").asText())
        .map(
            kind ->
                new CairnObjectRef(
                    kind,
                    sourceRef.path("namespace").asText(defaultNamespace),
                    sourceRef.path("name").asText()));
  }

  private Resource<GenericKubernetesResource> resource(CairnObjectRef ref) {
    NonNamespaceOperation<
            GenericKubernetesResource,
            GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>>
        inNamespace =
            client.genericKubernetesResources(ref.kind().context()).inNamespace(ref.namespace());
    return inNamespace.withName(ref.name());
  }

  static JsonNode tree(GenericKubernetesResource item) {
    return MAPPER.valueToTree(item);
  }

  /** An object that does not exist. */
  public static final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
      super(message);
    }
  }
}
