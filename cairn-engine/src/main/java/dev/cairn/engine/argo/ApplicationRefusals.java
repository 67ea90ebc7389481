package dev.cairn.engine.argo;

import dev.cairn.engine.FieldRefusal;
import java.util.ArrayList;
import java.util.List;

/** The Application fields Cairn accepts in its schema but does not act on; they stall. */
public final class ApplicationRefusals {
  private static final String NOT_YET = "is not supported by this version of Cairn";

  /**
   * The sync options Cairn acts on (Cairn always applies server-side and skips unchanged objects).
   */
  static final String[] SYNC_OPTIONS = {
    "CreateNamespace=true",
    "CreateNamespace=false",
    "ServerSideApply=true",
    "PruneLast=true",
    "Prune=false",
    "Prune=true",
    "ApplyOutOfSyncOnly=true",
    "Validate=false",
    "Validate=true",
    "RespectIgnoreDifferences=true",
    "RespectIgnoreDifferences=false",
    "FailOnSharedResource=true",
    "FailOnSharedResource=false",
    "PrunePropagationPolicy=foreground",
    "PrunePropagationPolicy=background",
    "PrunePropagationPolicy=orphan"
  };

  /** In the order they are checked. */
  public static final List<FieldRefusal> FIELDS = fields();

  private ApplicationRefusals() {}

  private static void kustomizeFields(String source, List<FieldRefusal> fields) {
    for (String kustomize :
        List.of(
            "commonLabels",
            "commonAnnotations",
            "forceCommonLabels",
            "forceCommonAnnotations",
            "commonAnnotationsEnvsubst",
            "replicas",
            "labelWithoutSelector",
            "labelIncludeTemplates",
            "kubeVersion",
            "apiVersions",
            "version")) {
      fields.add(
          FieldRefusal.of(
              source + ".kustomize." + kustomize,
              NOT_YET + ": set it in the kustomization.yaml in Git"));
    }
    fields.add(
        FieldRefusal.of(
            source + ".kustomize.patches.options",
            NOT_YET
                + ": patches change no names or kinds; put such a patch in the"
                + " kustomization.yaml"));
    fields.add(
        FieldRefusal.of(
            source + ".kustomize.patches.path",
            NOT_YET + ": write the patch inline (patch) or list it in the kustomization.yaml"));
  }

  private static List<FieldRefusal> fields() {
    List<FieldRefusal> fields = new ArrayList<>();
    for (String source : List.of("spec.source", "spec.sources")) {
      fields.add(
          FieldRefusal.of(
              source + ".plugin",
              "(config-management plugins) is not supported by Cairn: it runs no plugins; render"
                  + " the manifests into Git, or use a directory, Kustomize or Helm source"));
      fields.add(
          FieldRefusal.of(
              source + ".directory.jsonnet",
              "is not supported by Cairn: it has no Jsonnet engine; render the manifests into"
                  + " Git"));
      for (String helm :
          List.of("kubeVersion", "apiVersions", "skipTests", "skipSchemaValidation")) {
        fields.add(
            FieldRefusal.of(
                source + ".helm." + helm,
                NOT_YET + ": Helm renders with the cluster's version and Helm's API versions"));
      }
      fields.add(
          FieldRefusal.of(
              source + ".helm.passCredentials",
              NOT_YET + ": Cairn reads no Argo CD repository credentials"));
      fields.add(
          FieldRefusal.unless(
              source + ".helm.version", NOT_YET + ": Cairn renders with Helm v3", "v3"));
      kustomizeFields(source, fields);
    }
    fields.add(
        FieldRefusal.unless(
            "spec.syncPolicy.retry.refresh",
            "set to false is not supported by this version of Cairn: every attempt fetches the"
                + " sources, so a retry syncs the newest revision; leave it out or set it to true",
            "true"));
    return List.copyOf(fields);
  }
}
