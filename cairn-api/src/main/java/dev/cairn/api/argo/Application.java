package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
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
 * Renders one or more sources (Git paths, Helm charts) and syncs them to a destination; Argo CD's
 * {@code Application}. Besides spec and status it carries Argo CD's top-level {@code operation}: a
 * requested sync ({@code cairn app sync}), cleared when the sync has run.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@Group(CairnApi.GROUP)
@Version(CairnApi.VERSION)
@Kind("Application")
@Singular("application")
@Plural("applications")
@ShortNames({"app", "apps"})
@AdditionalPrinterColumn(
    name = "Sync Status",
    jsonPath = ".status.sync.status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Health Status",
    jsonPath = ".status.health.status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class Application extends CustomResource<ApplicationSpec, ApplicationStatus>
    implements Namespaced {

  /** Argo CD's finalizer: deleting the Application deletes its objects (foreground by default). */
  public static final String RESOURCES_FINALIZER = "resources-finalizer.argocd.argoproj.io";

  private AppOperation operation;

  public AppOperation getOperation() {
    return operation;
  }

  public void setOperation(AppOperation operation) {
    this.operation = operation;
  }
}
