package dev.cairn.api.kustomize;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A ConfigMap or Secret whose data are substitution variables; optional ones may be absent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubstituteReference(
    @Required SubstituteKind kind,
    @Required @Size(min = 1, max = 253) String name,
    @Default("false") Boolean optional) {}
