package dev.cairn.api.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.ObjectRef;
import io.fabric8.generator.annotation.Required;

/** The source of a HelmChart, in the HelmChart's own namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LocalHelmChartSourceReference(
    String apiVersion, @Required HelmChartSourceKind kind, @Required String name) {

  /** This reference as a generic one in {@code namespace}. */
  public ObjectRef toObjectRef(String namespace) {
    return new ObjectRef(apiVersion, kind.name(), name, namespace);
  }
}
