package dev.cairn.engine.notification;

import dev.cairn.engine.FieldRefusal;
import java.util.List;

/** The notification kinds' fields Cairn accepts in its schemas but does not act on; they stall. */
public final class NotificationRefusals {
  public static final List<FieldRefusal> PROVIDER =
      List.of(
          FieldRefusal.of(
              "spec.commitStatusExpr",
              "is not supported by this version of Cairn: commit status ids are formed as Flux's"
                  + " default (kind/name/provider uid)"),
          FieldRefusal.of(
              "spec.serviceAccountName",
              "is not supported by this version of Cairn: no cloud workload identity; give"
                  + " credentials in spec.secretRef"));

  public static final List<FieldRefusal> ALERT = List.of();

  public static final List<FieldRefusal> RECEIVER =
      List.of(
          FieldRefusal.of(
              "spec.resourceFilter",
              "is not supported by this version of Cairn: CEL resource filters are not"
                  + " evaluated; name the resources or select them with matchLabels"));

  private NotificationRefusals() {}
}
