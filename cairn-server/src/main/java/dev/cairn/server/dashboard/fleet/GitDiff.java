package dev.cairn.server.dashboard.fleet;

import java.util.List;

/**
 * The diff between what Git holds for an object and the cluster, per object of its rendered set
 * (Secret values masked by the apply engine's diff).
 */
public interface GitDiff {
  /** One object's unified diff; empty when the cluster matches. */
  record ObjectDiff(String object, String diff) {}

  boolean supports(FleetObject object);

  /** The diffs, or an exception whose message says why the source could not be rendered. */
  List<ObjectDiff> diff(FleetObject object);
}
