package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.ObjectRef;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A ready chart artifact ({@code spec.chartRef}), the alternative to {@code spec.chart}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChartReference(
    String apiVersion,
    @Required ChartRefKind kind,
    @Required @Size(min = 1, max = 253) String name,
    @Size(min = 1, max = 63) String namespace) {

  public ObjectRef toObjectRef(String ownNamespace) {
    return new ObjectRef(apiVersion, kind.name(), name, namespace).inNamespace(ownNamespace);
  }
}
