package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import java.util.List;

/**
 * What an ApplicationSet asks for, with Argo CD's field names. The generators are kept as JSON
 * trees (their fields nest without end: matrix inside merge inside matrix); Cairn's generator
 * parser names any generator field it does not act on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationSetSpec(
    Boolean goTemplate,
    List<String> goTemplateOptions,
    @PreserveUnknownFields List<JsonNode> generators,
    ApplicationSetTemplate template,
    String templatePatch,
    ApplicationSetSyncPolicy syncPolicy,
    ApplicationSetStrategy strategy,
    ApplicationSetPreservedFields preservedFields,
    List<ApplicationSetIgnoreDifference> ignoreApplicationDifferences,
    Boolean applyNestedSelectors) {

  public List<JsonNode> generatorsOrEmpty() {
    return generators == null ? List.of() : generators;
  }

  public boolean isGoTemplate() {
    return Boolean.TRUE.equals(goTemplate);
  }
}
