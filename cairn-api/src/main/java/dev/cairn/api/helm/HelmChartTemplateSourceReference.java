package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.ObjectRef;
import dev.cairn.api.source.HelmChartSourceKind;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The source of a HelmRelease's chart template; an absent namespace means the release's own. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HelmChartTemplateSourceReference(
    String apiVersion,
    @Required HelmChartSourceKind kind,
    @Required @Size(min = 1, max = 253) String name,
    @Size(min = 1, max = 63) String namespace) {

  public ObjectRef toObjectRef(String ownNamespace) {
    return new ObjectRef(apiVersion, kind.name(), name, namespace).inNamespace(ownNamespace);
  }
}
