package dev.cairn.engine.helm;

import dev.cairn.api.helm.Rollback;
import java.time.Duration;

/**
 * How one revision is put into the cluster, from the settings of the action that writes it.
 *
 * @param timeout bounds each wait: CRDs, hooks, the health of the main set
 * @param runHooks whether the revision's {@code pre-}/{@code post-} hooks run ({@code
 *     disableHooks})
 * @param waitForHealth whether the main set must become healthy ({@code disableWait})
 * @param waitForJobs whether Jobs of the main set are waited for ({@code disableWaitForJobs})
 * @param force whether objects that cannot be updated in place are recreated ({@code force})
 * @param createNamespace whether a missing target namespace is created first
 */
record DeploySettings(
    Duration timeout,
    boolean runHooks,
    boolean waitForHealth,
    boolean waitForJobs,
    boolean force,
    boolean createNamespace) {

  /** Hooks on, waits on, no force, no namespace creation. */
  static DeploySettings defaults(Duration timeout) {
    return new DeploySettings(timeout, true, true, true, false, false);
  }

  /** The settings of a rollback, from {@code spec.rollback}; rollbacks run no hooks. */
  static DeploySettings rollback(Rollback rollback, Duration fallback) {
    DeploySettings settings = defaults(fallback).withRunHooks(false);
    if (rollback == null) {
      return settings;
    }
    return settings
        .withTimeout(ReleaseSpecStep.timeoutOr(rollback.timeout(), fallback))
        .withWaitForHealth(!Boolean.TRUE.equals(rollback.disableWait()))
        .withWaitForJobs(!Boolean.TRUE.equals(rollback.disableWaitForJobs()))
        .withForce(Boolean.TRUE.equals(rollback.force()));
  }

  DeploySettings withTimeout(Duration value) {
    return new DeploySettings(value, runHooks, waitForHealth, waitForJobs, force, createNamespace);
  }

  DeploySettings withRunHooks(boolean value) {
    return new DeploySettings(timeout, value, waitForHealth, waitForJobs, force, createNamespace);
  }

  DeploySettings withWaitForHealth(boolean value) {
    return new DeploySettings(timeout, runHooks, value, waitForJobs, force, createNamespace);
  }

  DeploySettings withWaitForJobs(boolean value) {
    return new DeploySettings(timeout, runHooks, waitForHealth, value, force, createNamespace);
  }

  DeploySettings withForce(boolean value) {
    return new DeploySettings(
        timeout, runHooks, waitForHealth, waitForJobs, value, createNamespace);
  }

  DeploySettings withCreateNamespace(boolean value) {
    return new DeploySettings(timeout, runHooks, waitForHealth, waitForJobs, force, value);
  }
}
