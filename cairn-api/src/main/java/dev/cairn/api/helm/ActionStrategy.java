package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.FluxDuration;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** The install/upgrade strategy; {@code retryInterval} applies to {@code RetryOnFailure}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionStrategy(
    @Required ActionStrategyName name, @Pattern(FluxDuration.PATTERN) String retryInterval) {}
