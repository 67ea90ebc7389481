package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A project role with its policies, groups and tokens (belongs to the dashboard; refused here). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectRole(
    String name,
    String description,
    List<String> policies,
    List<String> groups,
    List<JwtToken> jwtTokens) {}
