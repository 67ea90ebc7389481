package dev.cairn.engine.argo.appset;

import dev.cairn.engine.FieldRefusal;
import java.util.List;

/** The ApplicationSet fields Cairn's schema accepts but does not act on. */
public final class ApplicationSetRefusals {
  public static final List<FieldRefusal> FIELDS =
      List.of(
          FieldRefusal.of(
              "spec.ignoreApplicationDifferences.jqPathExpressions",
              "is not supported: name the fields with jsonPointers"),
          FieldRefusal.unless(
              "spec.strategy.deletionOrder",
              "is not supported: Applications are deleted all at once",
              "AllAtOnce"));

  private ApplicationSetRefusals() {}
}
