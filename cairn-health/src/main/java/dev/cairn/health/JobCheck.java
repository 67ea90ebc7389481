package dev.cairn.health;

import dev.cairn.manifest.KubeObject;

/**
 * batch/Job, after Flux's job status reader (stricter than kstatus, which calls a started Job
 * Current): Complete=True is Current, Failed=True is Failed with the reason, anything else is in
 * progress until the Job finishes.
 */
final class JobCheck implements HealthCheck {

  @Override
  public Health check(KubeObject object) {
    Fields f = Fields.of(object.node());
    long parallelism = f.integer("/spec/parallelism", 1);
    long completions = f.integer("/spec/completions", parallelism);
    long succeeded = f.integer("/status/succeeded", 0);
    long active = f.integer("/status/active", 0);
    long failed = f.integer("/status/failed", 0);
    for (Condition c : Condition.of(object.node())) {
      if (c.type().equals("Failed") && c.isTrue()) {
        return Health.failed(Messages.join("Job failed", c.describe()));
      }
      if (c.type().equals("Complete") && c.isTrue()) {
        return Health.current("Job completed: " + succeeded + " of " + completions + " succeeded");
      }
    }
    if (f.at("/spec/suspend").asBoolean(false)) {
      return Health.inProgress("Job is suspended (spec.suspend is true)");
    }
    if (!f.has("/status/startTime")) {
      return Health.inProgress("Job has not started");
    }
    return Health.inProgress(
        "Job in progress: "
            + active
            + " active, "
            + succeeded
            + " of "
            + completions
            + " succeeded, "
            + failed
            + " failed");
  }
}
