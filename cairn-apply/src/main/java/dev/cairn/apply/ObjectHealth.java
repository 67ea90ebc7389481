package dev.cairn.apply;

import dev.cairn.manifest.ObjectId;

/** The health of one object at the end of a wait. */
public record ObjectHealth(ObjectId id, HealthState state, String message) {

  /** {@code Deployment/apps/web: 1 of 3 replicas available}. */
  @Override
  public String toString() {
    return id + ": " + (message == null || message.isEmpty() ? state.name() : message);
  }
}
