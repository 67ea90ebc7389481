package dev.cairn.engine.source;

import dev.cairn.engine.FieldRefusal;
import dev.cairn.engine.SourceApiVersions;
import java.util.List;

/** The source kinds' fields Cairn accepts in its schemas but does not act on; they stall. */
public final class SourceRefusals {
  public static final List<FieldRefusal> GIT_REPOSITORY =
      List.of(
          FieldRefusal.unless(
              "spec.provider",
              "is not supported by this version of Cairn: only generic (credentials from"
                  + " spec.secretRef) is",
              "generic"),
          FieldRefusal.of(
              "spec.proxySecretRef",
              "is not supported by this version of Cairn: Git is fetched without a proxy"),
          FieldRefusal.of(
              "spec.serviceAccountName",
              "is not supported by this version of Cairn: it names a cloud workload identity,"
                  + " which needs a spec.provider Cairn does not have"));

  public static final List<FieldRefusal> HELM_REPOSITORY =
      List.of(
          FieldRefusal.unless(
              "spec.provider",
              "is not supported by this version of Cairn: no cloud registry login (aws, azure,"
                  + " gcp); use spec.secretRef",
              "generic"),
          FieldRefusal.of(
              "spec.accessFrom",
              "is not supported: Cairn does not restrict which namespaces may use a"
                  + " HelmRepository"));

  public static final List<FieldRefusal> HELM_CHART =
      List.of(
          FieldRefusal.of(
              "spec.verify",
              "is not supported by this version of Cairn's engine: charts are not verified"
                  + " (cosign, notation)"),
          SourceApiVersions.refusal("spec.sourceRef.apiVersion"));

  public static final List<FieldRefusal> OCI_REPOSITORY =
      List.of(
          FieldRefusal.of(
              "spec.verify", "is not supported yet: artifacts are not verified (cosign, notation)"),
          FieldRefusal.unless(
              "spec.provider",
              "is not supported by this version of Cairn: no cloud registry login (aws, azure,"
                  + " gcp); use spec.secretRef",
              "generic"),
          FieldRefusal.of(
              "spec.serviceAccountName",
              "is not supported by this version of Cairn: pull secrets come from spec.secretRef"),
          FieldRefusal.of(
              "spec.proxySecretRef",
              "is not supported by this version of Cairn: registries are reached without a"
                  + " proxy"));

  private SourceRefusals() {}
}
