package dev.cairn.health;

import java.util.Objects;

/** The health of one object: a status and a message a person can act on. */
public record Health(HealthStatus status, String message) {

  public Health {
    Objects.requireNonNull(status, "status");
    message = message == null ? "" : message;
  }

  public static Health current(String message) {
    return new Health(HealthStatus.CURRENT, message);
  }

  public static Health inProgress(String message) {
    return new Health(HealthStatus.IN_PROGRESS, message);
  }

  public static Health failed(String message) {
    return new Health(HealthStatus.FAILED, message);
  }

  public static Health terminating(String message) {
    return new Health(HealthStatus.TERMINATING, message);
  }

  public static Health unknown(String message) {
    return new Health(HealthStatus.UNKNOWN, message);
  }

  /** For callers that looked an object up and did not find it; no check returns this. */
  public static Health notFound() {
    return new Health(HealthStatus.NOT_FOUND, "object not found");
  }

  public boolean isCurrent() {
    return status.isCurrent();
  }

  @Override
  public String toString() {
    return message.isEmpty() ? status.displayName() : status.displayName() + ": " + message;
  }
}
