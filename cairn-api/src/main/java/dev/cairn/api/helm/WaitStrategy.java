package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;

/** {@code spec.waitStrategy}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WaitStrategy(@Required WaitStrategyName name) {}
