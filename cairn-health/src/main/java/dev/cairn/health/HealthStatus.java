package dev.cairn.health;

/**
 * The health of an object in kstatus's vocabulary, ranked so that several combine into the worst:
 * {@code Current < InProgress < Terminating < Unknown < NotFound < Failed}.
 */
public enum HealthStatus {
  CURRENT("Current"),
  IN_PROGRESS("InProgress"),
  TERMINATING("Terminating"),
  UNKNOWN("Unknown"),
  NOT_FOUND("NotFound"),
  FAILED("Failed");

  private final String displayName;

  HealthStatus(String displayName) {
    this.displayName = displayName;
  }

  /** The kstatus spelling, e.g. {@code InProgress}. */
  public String displayName() {
    return displayName;
  }

  /** Higher is worse. */
  public int rank() {
    return ordinal();
  }

  public HealthStatus worst(HealthStatus other) {
    return other.rank() > rank() ? other : this;
  }

  public boolean isCurrent() {
    return this == CURRENT;
  }

  @Override
  public String toString() {
    return displayName;
  }
}
