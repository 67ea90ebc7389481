package dev.cairn.apply;

/** kstatus-style health of one object, ranked from best to worst for combining. */
public enum HealthState {
  CURRENT,
  IN_PROGRESS,
  TERMINATING,
  UNKNOWN,
  NOT_FOUND,
  FAILED
}
