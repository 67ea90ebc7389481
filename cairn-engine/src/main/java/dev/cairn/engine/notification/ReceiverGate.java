package dev.cairn.engine.notification;

import dev.cairn.api.notification.EventSourceReference;
import dev.cairn.api.notification.Receiver;
import dev.cairn.api.schema.CairnCrds;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.ReconcileRequest;
import dev.cairn.notify.receiver.Verdict;
import dev.cairn.notify.receiver.WebhookCall;
import dev.cairn.notify.receiver.WebhookPath;
import dev.cairn.notify.receiver.WebhookVerifier;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Serves one webhook call: finds the Receiver whose {@code status.webhookPath} is the path (404
 * when none), refuses a suspended or not-Ready one (503), checks the call as its type requires
 * (400), and sets the reconcile-request annotation ({@value ReconcileRequest#ANNOTATION}, as {@code
 * cairn reconcile} does) on each resource it names, so they reconcile at once (500 if that fails).
 */
public final class ReceiverGate {
  private final KubernetesClient client;
  private final ReceiverTokens tokens;
  private final Clock clock;

  public ReceiverGate(KubernetesClient client, Clock clock) {
    this.client = client;
    this.tokens = new ReceiverTokens(client);
    this.clock = clock;
  }

  /** The Receivers with a path: {@code namespace/name} to {@code /hook/...}. */
  public Map<String, String> paths() {
    Map<String, String> paths = new java.util.TreeMap<>();
    for (Receiver r : client.resources(Receiver.class).inAnyNamespace().list().getItems()) {
      if (r.getStatus() != null && r.getStatus().getWebhookPath() != null) {
        paths.put(
            r.getMetadata().getNamespace() + "/" + r.getMetadata().getName(),
            r.getStatus().getWebhookPath());
      }
    }
    return paths;
  }

  public Verdict handle(String path, WebhookCall call) {
    Optional<Receiver> found = find(path);
    if (found.isEmpty()) {
      return Verdict.rejected(404, "no Receiver is served at this path");
    }
    Receiver receiver = found.get();
    String id = receiver.getMetadata().getNamespace() + "/" + receiver.getMetadata().getName();
    if (Boolean.TRUE.equals(receiver.getSpec().suspend()) || !ready(receiver)) {
      return Verdict.rejected(503, "Receiver " + id + " is suspended or not ready");
    }
    String token;
    try {
      token = tokens.token(receiver);
    } catch (ReconcileException e) {
      return Verdict.rejected(400, e.getMessage());
    }
    if (!path.equals(
        WebhookPath.of(
            token, receiver.getMetadata().getName(), receiver.getMetadata().getNamespace()))) {
      return Verdict.rejected(404, "no Receiver is served at this path");
    }
    Verdict verdict =
        WebhookVerifier.verify(receiver.getSpec().type(), token, receiver.getSpec().events(), call);
    if (!verdict.reconcile()) {
      return verdict;
    }
    try {
      int requested = requestReconcile(receiver);
      return Verdict.accepted("Receiver " + id + ": reconcile requested for " + requested);
    } catch (KubernetesClientException e) {
      return Verdict.rejected(500, "Receiver " + id + ": cannot annotate its resources");
    }
  }

  private Optional<Receiver> find(String path) {
    return client.resources(Receiver.class).inAnyNamespace().list().getItems().stream()
        .filter(r -> r.getStatus() != null && path.equals(r.getStatus().getWebhookPath()))
        .findFirst();
  }

  private static boolean ready(Receiver receiver) {
    List<Condition> conditions =
        receiver.getStatus() == null ? null : receiver.getStatus().getConditions();
    return conditions != null
        && conditions.stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Annotates every resource the Receiver names; returns how many. */
  private int requestReconcile(Receiver receiver) {
    String now = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    String patch =
        "{\"metadata\":{\"annotations\":{\""
            + ReconcileRequest.ANNOTATION
            + "\":\""
            + now
            + "\"}}}";
    int count = 0;
    for (EventSourceReference ref : receiver.getSpec().resources()) {
      String namespace =
          ref.namespace() == null || ref.namespace().isEmpty()
              ? receiver.getMetadata().getNamespace()
              : ref.namespace();
      Class<? extends HasMetadata> kind = CairnCrds.kind(ref.kind()).orElse(null);
      if (kind == null) {
        continue;
      }
      for (HasMetadata target : targets(kind, namespace, ref)) {
        client
            .resources(kind)
            .inNamespace(namespace)
            .withName(target.getMetadata().getName())
            .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        count++;
      }
    }
    return count;
  }

  private List<? extends HasMetadata> targets(
      Class<? extends HasMetadata> kind, String namespace, EventSourceReference ref) {
    Map<String, String> labels = ref.matchLabels() == null ? Map.of() : ref.matchLabels();
    if ("*".equals(ref.name())) {
      return client.resources(kind).inNamespace(namespace).withLabels(labels).list().getItems();
    }
    HasMetadata one = client.resources(kind).inNamespace(namespace).withName(ref.name()).get();
    if (one == null) {
      return List.of();
    }
    Map<String, String> has =
        one.getMetadata().getLabels() == null ? Map.of() : one.getMetadata().getLabels();
    return has.entrySet().containsAll(labels.entrySet()) ? List.of(one) : List.of();
  }
}
