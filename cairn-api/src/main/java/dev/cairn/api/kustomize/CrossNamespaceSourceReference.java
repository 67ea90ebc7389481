package dev.cairn.api.kustomize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.ObjectRef;
import io.fabric8.generator.annotation.Required;

/** The source of a Kustomization; an absent namespace means the Kustomization's own. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CrossNamespaceSourceReference(
    String apiVersion,
    @Required KustomizationSourceKind kind,
    @Required String name,
    String namespace) {

  /** This reference as a generic one, with the namespace defaulted to {@code ownNamespace}. */
  public ObjectRef toObjectRef(String ownNamespace) {
    return new ObjectRef(apiVersion, kind.name(), name, namespace).inNamespace(ownNamespace);
  }
}
