package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.CommonMetadata;
import io.fabric8.generator.annotation.Required;

/** {@code spec.chart}: the template of the HelmChart, and labels/annotations for it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HelmChartTemplate(CommonMetadata metadata, @Required HelmChartTemplateSpec spec) {}
