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
 * A group of Applications and the rules they must keep; Argo CD's {@code AppProject}. The project
 * {@code default} allows everything, as after an Argo CD install, even when no object of that name
 * exists.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@Group(CairnApi.GROUP)
@Version(CairnApi.VERSION)
@Kind("AppProject")
@Singular("appproject")
@Plural("appprojects")
@ShortNames({"appproj", "appprojs"})
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class AppProject extends CustomResource<AppProjectSpec, AppProjectStatus>
    implements Namespaced {

  /** The project every Argo CD install has, allowing everything. */
  public static final String DEFAULT = "default";
}
