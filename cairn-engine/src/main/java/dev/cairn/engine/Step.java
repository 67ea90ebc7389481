package dev.cairn.engine;

/**
 * One named step of a reconciliation. A step reads and records per-run state in its {@link Run},
 * returns a {@link StepResult} or throws a {@link ReconcileException}.
 *
 * @param <R> the run type of the reconciler
 */
public record Step<R extends Run<?>>(String name, Body<R> body) {

  /** The work of a step. */
  @FunctionalInterface
  public interface Body<R> {
    StepResult run(R run);
  }

  public static <R extends Run<?>> Step<R> of(String name, Body<R> body) {
    return new Step<>(name, body);
  }
}
