package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Automated sync: {@code prune}, {@code selfHeal}, {@code allowEmpty}; {@code enabled: false} turns
 * it off.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SyncPolicyAutomated(
    Boolean prune, Boolean selfHeal, Boolean allowEmpty, Boolean enabled) {

  /** True unless {@code enabled} is explicitly false. */
  public boolean active() {
    return !Boolean.FALSE.equals(enabled);
  }
}
