package dev.cairn.api.helm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.FluxDuration;
import io.fabric8.generator.annotation.Pattern;
import java.util.List;

/** Options of {@code helm test} run after install and upgrade. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Test(
    Boolean enable,
    @Pattern(FluxDuration.PATTERN) String timeout,
    Boolean ignoreFailures,
    List<TestFilter> filters) {}
