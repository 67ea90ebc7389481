package dev.cairn.server.dashboard.fleet;

/** The health the dashboard shows for one object; declared worst first (the overview's order). */
public enum FleetHealth {
  FAILED("Failed"),
  PROGRESSING("Progressing"),
  UNKNOWN("Unknown"),
  SUSPENDED("Suspended"),
  HEALTHY("Healthy");

  private final String label;

  FleetHealth(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
