package dev.cairn.api.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Map;

/** Namespaces allowed to use a source; deprecated and ignored by Flux and by Cairn. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccessFrom(@Required List<NamespaceSelector> namespaceSelectors) {

  /** Selects namespaces by labels. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NamespaceSelector(Map<String, String> matchLabels) {}
}
