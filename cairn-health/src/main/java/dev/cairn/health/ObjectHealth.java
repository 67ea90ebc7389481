package dev.cairn.health;

import dev.cairn.manifest.ObjectId;

/** The health of one named object. */
public record ObjectHealth(ObjectId id, Health health) {

  @Override
  public String toString() {
    return id + " " + health;
  }
}
