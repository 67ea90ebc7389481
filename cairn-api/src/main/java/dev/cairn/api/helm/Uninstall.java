package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.FluxDuration;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;

/** Options of {@code helm uninstall}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Uninstall(
    @Pattern(FluxDuration.PATTERN) String timeout,
    Boolean disableHooks,
    Boolean keepHistory,
    Boolean disableWait,
    @Default("background") DeletionPropagation deletionPropagation) {}
