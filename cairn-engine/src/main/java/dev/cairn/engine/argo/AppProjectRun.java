package dev.cairn.engine.argo;

import dev.cairn.api.argo.AppProject;
import dev.cairn.api.argo.AppProjectStatus;
import dev.cairn.engine.ResourceKey;
import dev.cairn.engine.Run;
import dev.cairn.engine.Trigger;
import java.time.Clock;
import java.util.List;

/** One check of an AppProject. */
public final class AppProjectRun extends Run<AppProjectStatus> {
  AppProjectRun(AppProject object, Trigger trigger, AppProjectStatus draft, Clock clock) {
    super(
        new ResourceKey(
            "AppProject", object.getMetadata().getNamespace(), object.getMetadata().getName()),
        object.getMetadata().getGeneration() == null ? 0L : object.getMetadata().getGeneration(),
        trigger,
        List.of(),
        draft,
        clock);
  }
}
