package dev.cairn.apply;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An apply that stopped: the objects that failed with the server's reasons, and what had been done
 * before it stopped ({@link #partial()}, empty when validation failed, since then nothing was
 * applied).
 */
public final class ApplyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ApplyFailure> failures;
  private final transient ChangeSet partial;

  public ApplyException(String what, List<ApplyFailure> failures, ChangeSet partial) {
    super(message(what, failures));
    this.failures = List.copyOf(failures);
    this.partial = partial;
  }

  private static String message(String what, List<ApplyFailure> failures) {
    return what
        + " ("
        + failures.size()
        + (failures.size() == 1 ? " object" : " objects")
        + "): "
        + failures.stream().map(ApplyFailure::toString).collect(Collectors.joining("; "));
  }

  public List<ApplyFailure> failures() {
    return failures;
  }

  public ChangeSet partial() {
    return partial;
  }
}
