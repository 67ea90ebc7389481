package dev.cairn.health;

import dev.cairn.manifest.KubeObject;

/**
 * batch/CronJob: a schedule, not a workload; it is Current once applied (as in kstatus), and the
 * message says whether it is suspended and when it last ran.
 */
final class CronJobCheck implements HealthCheck {

  @Override
  public Health check(KubeObject object) {
    Fields f = Fields.of(object.node());
    String schedule = f.text("/spec/schedule", "?");
    if (f.at("/spec/suspend").asBoolean(false)) {
      return Health.current("CronJob is suspended (schedule " + schedule + ")");
    }
    String last = f.text("/status/lastScheduleTime", "");
    return Health.current(
        "CronJob is scheduled ("
            + schedule
            + ")"
            + (last.isEmpty() ? ", not yet run" : ", last run " + last));
  }
}
