package dev.cairn.engine.notification;

import dev.cairn.api.CairnApi;
import dev.cairn.api.FluxApiVersions;
import dev.cairn.engine.FieldRefusal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
          new FieldRefusal(
              "spec.resources.apiVersion",
              "is not supported by this version of Cairn: only cairn.dev/v1 and Flux's"
                  + " apiVersions are (resources are found by kind)",
              resourceApiVersions()),
          FieldRefusal.of(
              "spec.resourceFilter",
              "is not supported by this version of Cairn: CEL resource filters are not"
                  + " evaluated; name the resources or select them with matchLabels"));

  private NotificationRefusals() {}

  private static Set<String> resourceApiVersions() {
    Set<String> versions = new HashSet<>(FluxApiVersions.TO_CAIRN.keySet());
    versions.add(CairnApi.API_VERSION);
    return versions;
  }
}
