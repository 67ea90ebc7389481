package dev.cairn.api.helm;

/** Whether a failed install/upgrade is remediated or simply retried. */
public enum ActionStrategyName {
  RemediateOnFailure,
  RetryOnFailure
}
