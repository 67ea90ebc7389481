package dev.cairn.cli.up;

import dev.cairn.cli.cluster.ObjectStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Decides when the first reconciliation of a fleet is complete: every Cairn object Ready for its
 * current generation; or a failure that will not resolve by itself (an object Stalled, or objects
 * not Ready while nothing has changed for the settle time).
 */
public final class Completion {

  /** Where the reconciliation stands. */
  public enum State {
    IN_PROGRESS,
    READY,
    FAILED
  }

  private final Duration settle;
  private List<String> lastSnapshot = List.of();
  private Instant unchangedSince;

  public Completion(Duration settle) {
    this.settle = settle;
  }

  public State evaluate(List<ObjectStatus> objects, Instant now) {
    List<String> snapshot =
        objects.stream()
            .map(o -> o.ref() + " " + o.ready() + " " + o.revision() + " " + o.message())
            .toList();
    if (!snapshot.equals(lastSnapshot) || unchangedSince == null) {
      lastSnapshot = snapshot;
      unchangedSince = now;
    }
    if (objects.isEmpty()) {
      return State.IN_PROGRESS;
    }
    if (objects.stream().allMatch(o -> o.readyTrue() && o.observed())) {
      return State.READY;
    }
    if (objects.stream().anyMatch(ObjectStatus::stalled)) {
      return State.FAILED;
    }
    boolean someFailed = objects.stream().anyMatch(o -> "False".equals(o.ready()));
    if (someFailed && !now.isBefore(unchangedSince.plus(settle))) {
      return State.FAILED;
    }
    return State.IN_PROGRESS;
  }

  /** The objects that keep the fleet from being Ready. */
  public static List<ObjectStatus> failing(List<ObjectStatus> objects) {
    return objects.stream().filter(o -> !(o.readyTrue() && o.observed())).toList();
  }
}
