package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.cairn.api.CairnApi;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Argo CD's {@code ApplicationSet}: generators produce parameter sets, each renders the template
 * into one Application owned by the set.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Group(CairnApi.GROUP)
@Version(CairnApi.VERSION)
@Kind("ApplicationSet")
@Singular("applicationset")
@Plural("applicationsets")
@ShortNames({"appset", "appsets"})
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Status",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].message",
    type = AdditionalPrinterColumn.Type.STRING)
public class ApplicationSet extends CustomResource<ApplicationSetSpec, ApplicationSetStatus>
    implements Namespaced {
  /** Argo CD's group and version, as manifests in Git spell them. */
  public static final String ARGO_API_VERSION = "argoproj.io/v1alpha1";

  /** The annotation that orders Applications (and the sets' generated ones) into waves. */
  public static final String SYNC_WAVE_ANNOTATION = "argocd.argoproj.io/sync-wave";

  /** The finalizer that makes Argo CD delete an Application's resources with it. */
  public static final String RESOURCES_FINALIZER = "resources-finalizer.argocd.argoproj.io";
}
