package dev.cairn.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;

/**
 * A reference to any object by apiVersion, kind, name and namespace (Flux's {@code
 * NamespacedObjectKindReference}, used by {@code healthChecks}). An empty namespace means the
 * referring object's namespace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ObjectRef(
    String apiVersion, @Required String kind, @Required String name, String namespace) {

  /** This reference with its namespace filled in from {@code defaultNamespace} when absent. */
  public ObjectRef inNamespace(String defaultNamespace) {
    return namespace == null || namespace.isEmpty()
        ? new ObjectRef(apiVersion, kind, name, defaultNamespace)
        : this;
  }
}
