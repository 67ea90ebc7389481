package dev.cairn.engine.secrets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.ConditionReasons;
import dev.cairn.api.ConditionTypes;
import dev.cairn.api.sealed.SealedSecret;
import dev.cairn.api.sealed.SealedSecretStatus;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.KindDefinition;
import dev.cairn.engine.OwnedCondition;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.RunOutcome;
import dev.cairn.engine.Step;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.StepResult;
import dev.cairn.engine.Trigger;
import dev.cairn.secrets.sealed.HybridUnsealer;
import dev.cairn.secrets.sealed.SealedSecretOpener;
import dev.cairn.secrets.sealed.SealingKey;
import dev.cairn.secrets.sealed.UnsealException;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The SealedSecret kind: {@code unseal → writeSecret}. Every {@code spec.encryptedData} value is
 * opened with the {@link SealingKeyring}'s keys and the Secret of {@code spec.template} is created
 * or updated, owned by the SealedSecret. {@code Synced} says whether the Secret holds the values,
 * as the sealed-secrets controller writes it; errors name the SealedSecret and the data keys, never
 * a value.
 */
public final class SealedSecretKind
    implements KindDefinition<SealedSecret, SealedSecretStatus, SealedSecretRun> {
  static final String SUCCESS_MESSAGE = "SealedSecret unsealed successfully";

  private final KubernetesClient client;
  private final SealingKeyring keyring;
  private final EventRecorder events;
  private final SealedSecretOpener opener = new SealedSecretOpener(new HybridUnsealer());
  private final SecretWriter writer;

  public SealedSecretKind(KubernetesClient client, SealingKeyring keyring, EventRecorder events) {
    this.client = client;
    this.keyring = keyring;
    this.events = events;
    this.writer = new SecretWriter(client);
  }

  /** The SealedSecret reconciler: this kind on the engine's skeleton. */
  public static StepReconciler<SealedSecret, SealedSecretStatus, SealedSecretRun> reconciler(
      KubernetesClient client, SealingKeyring keyring, EventRecorder events, Clock clock) {
    return new StepReconciler<>(client, new SealedSecretKind(client, keyring, events), clock);
  }

  @Override
  public Class<SealedSecret> resourceClass() {
    return SealedSecret.class;
  }

  @Override
  public SealedSecretStatus emptyStatus() {
    return new SealedSecretStatus();
  }

  @Override
  public SealedSecretRun newRun(
      SealedSecret object, Trigger trigger, SealedSecretStatus draft, Clock clock) {
    return new SealedSecretRun(object, trigger, draft, clock);
  }

  @Override
  public boolean suspended(SealedSecret object) {
    return false;
  }

  @Override
  public List<Step<SealedSecretRun>> steps() {
    return List.of(Step.of("unseal", this::unseal), Step.of("writeSecret", this::writeSecret));
  }

  @Override
  public String successReason() {
    return ConditionReasons.SUCCEEDED;
  }

  @Override
  public Set<String> ownedConditions() {
    return Set.of(ConditionTypes.SYNCED);
  }

  @Override
  public void announce(SealedSecretRun run, RunOutcome outcome, SealedSecretStatus before) {
    if (events.recordNewFailure(run.object(), outcome.error(), before)) {
      return;
    }
    if (outcome.succeeded() && run.written()) {
      events.record(
          run.object(), EventRecorder.NORMAL, ConditionReasons.UNSEALED, SUCCESS_MESSAGE, null);
    }
  }

  private StepResult unseal(SealedSecretRun run) {
    List<SealingKey> keys = keyring.keys();
    if (keys.isEmpty()) {
      throw failed(
          run,
          ConditionReasons.UNSEAL_FAILED,
          "cannot unseal SealedSecret "
              + run.id()
              + ": no sealing key in namespace "
              + keyring.namespace());
    }
    ObjectNode sealed =
        client.getKubernetesSerialization().convertValue(run.object(), ObjectNode.class);
    try {
      ObjectNode secret = opener.open(sealed, keys);
      run.opened(client.getKubernetesSerialization().convertValue(secret, Secret.class));
      return StepResult.proceed();
    } catch (UnsealException e) {
      throw failed(run, ConditionReasons.UNSEAL_FAILED, e.getMessage());
    }
  }

  private StepResult writeSecret(SealedSecretRun run) {
    try {
      run.written(writer.write(run.object(), run.opened()));
    } catch (SecretWriter.NotManagedException e) {
      throw failed(run, ConditionReasons.UPDATE_FAILED, e.getMessage());
    } catch (KubernetesClientException e) {
      throw failed(
          run,
          ConditionReasons.UPDATE_FAILED,
          "cannot write Secret " + run.id() + ": " + e.getStatus().getMessage());
    }
    run.own(OwnedCondition.isTrue(ConditionTypes.SYNCED, ConditionReasons.UNSEALED, ""));
    run.succeedWith(SUCCESS_MESSAGE);
    return StepResult.proceed();
  }

  private static ReconcileException.Failed failed(
      SealedSecretRun run, String reason, String message) {
    run.own(OwnedCondition.isFalse(ConditionTypes.SYNCED, reason, message));
    return new ReconcileException.Failed(reason, message);
  }
}
