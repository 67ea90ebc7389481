package dev.cairn.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The status fields every Cairn kind has: the generation last reconciled, the conditions, and the
 * value of the last reconcile-request annotation handled (Flux's {@code
 * reconcile.fluxcd.io/requestedAt}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public abstract class ReconcileStatus {

  private Long observedGeneration;
  private List<Condition> conditions;
  private String lastHandledReconcileAt;

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public String getLastHandledReconcileAt() {
    return lastHandledReconcileAt;
  }

  public void setLastHandledReconcileAt(String lastHandledReconcileAt) {
    this.lastHandledReconcileAt = lastHandledReconcileAt;
  }

  /** A writable view of the conditions, creating the list if absent. */
  public Conditions conditions(Clock clock) {
    if (conditions == null) {
      conditions = new ArrayList<>();
    }
    return new Conditions(conditions, clock);
  }
}
