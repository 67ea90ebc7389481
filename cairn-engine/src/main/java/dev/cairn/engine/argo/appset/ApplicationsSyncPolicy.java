package dev.cairn.engine.argo.appset;

import dev.cairn.api.argo.ApplicationSetSpec;

/**
 * {@code syncPolicy.applicationsSync}: what the set may do to its Applications. {@code sync} (the
 * default) creates, updates and deletes; {@code create-update} never deletes; {@code create-delete}
 * never updates; {@code create-only} only creates.
 */
record ApplicationsSyncPolicy(boolean update, boolean delete) {

  static ApplicationsSyncPolicy of(ApplicationSetSpec spec) {
    String policy =
        spec.syncPolicy() == null || spec.syncPolicy().applicationsSync() == null
            ? "sync"
            : spec.syncPolicy().applicationsSync();
    return switch (policy) {
      case "create-only" -> new ApplicationsSyncPolicy(false, false);
      case "create-update" -> new ApplicationsSyncPolicy(true, false);
      case "create-delete" -> new ApplicationsSyncPolicy(false, true);
      default -> new ApplicationsSyncPolicy(true, true);
    };
  }
}
