package dev.cairn.health;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The health of a set of objects: the worst status among them, how many there were, and the ones
 * that are not Current, in the order given, each with its message.
 */
public record HealthSummary(HealthStatus status, int total, List<ObjectHealth> notCurrent) {

  /** How many not-Current objects {@link #message()} lists before it says "and N more". */
  private static final int LISTED = 5;

  public HealthSummary {
    notCurrent = List.copyOf(notCurrent);
  }

  public static HealthSummary of(Collection<ObjectHealth> objects) {
    HealthStatus worst = HealthStatus.CURRENT;
    List<ObjectHealth> notCurrent = new ArrayList<>();
    for (ObjectHealth object : objects) {
      worst = worst.worst(object.health().status());
      if (!object.health().isCurrent()) {
        notCurrent.add(object);
      }
    }
    return new HealthSummary(worst, objects.size(), notCurrent);
  }

  public boolean isCurrent() {
    return status.isCurrent();
  }

  /** The not-Current objects whose status is the given one. */
  public List<ObjectHealth> withStatus(HealthStatus wanted) {
    return notCurrent.stream()
        .filter(o -> o.health().status() == wanted)
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * One line for a condition message: {@code all 3 objects are Current}, or {@code 2 of 3 objects
   * are not Current: Deployment/default/web InProgress: 1 of 2 replicas available; ...}.
   */
  public String message() {
    if (notCurrent.isEmpty()) {
      return "all " + total + " objects are Current";
    }
    String listed =
        notCurrent.stream()
            .limit(LISTED)
            .map(ObjectHealth::toString)
            .collect(Collectors.joining("; "));
    int rest = notCurrent.size() - LISTED;
    return notCurrent.size()
        + " of "
        + total
        + " objects are not Current: "
        + listed
        + (rest > 0 ? "; and " + rest + " more" : "");
  }
}
