package dev.cairn.engine;

import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs named steps in order until one requeues, skips or throws. A step that throws anything other
 * than a {@link ReconcileException} is a bug in a step or a library; it is reported as {@link
 * ReconcileException.Failed} with reason {@code ReconciliationFailed} so the object still gets a
 * status and a retry.
 */
public final class StepRunner<R extends Run<?>> {
  private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

  private final List<Step<R>> steps;

  public StepRunner(List<Step<R>> steps) {
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a reconciler needs at least one step");
    }
    this.steps = List.copyOf(steps);
  }

  /** The step names, in order. */
  public List<String> names() {
    return steps.stream().map(Step::name).collect(Collectors.toList());
  }

  public RunOutcome run(R run) {
    run.loggerContext().forEach(MDC::put);
    try {
      StepResult last = StepResult.proceed();
      for (Step<R> step : steps) {
        try {
          last = step.body().run(run);
        } catch (ReconcileException e) {
          LOG.info(
              "{} step {} ended the run: {}: {}",
              run.key(),
              step.name(),
              e.reason(),
              e.getMessage());
          return new RunOutcome(step.name(), null, e);
        } catch (RuntimeException e) {
          LOG.warn("{} step {} failed unexpectedly", run.key(), step.name(), e);
          return new RunOutcome(
              step.name(),
              null,
              new ReconcileException.Failed(
                  "ReconciliationFailed", step.name() + " failed: " + e.getMessage(), e));
        }
        if (last.kind() != StepResult.Kind.PROCEED) {
          LOG.debug("{} step {} ended the run: {}", run.key(), step.name(), last);
          return new RunOutcome(step.name(), last, null);
        }
      }
      return new RunOutcome(steps.get(steps.size() - 1).name(), last, null);
    } finally {
      run.loggerContext().keySet().forEach(MDC::remove);
    }
  }
}
