package dev.cairn.api.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import java.util.Map;

/**
 * An object (or, with {@code *} in the name, objects) whose events an Alert sends, or which a
 * Receiver reconciles; Flux's {@code CrossNamespaceObjectReference}.
 *
 * @param apiVersion the object's API version (optional)
 * @param kind its kind, e.g. {@code Kustomization}
 * @param name its name; {@code *} matches any name and may stand inside a name ({@code app-*})
 * @param namespace its namespace; the referring object's when absent
 * @param matchLabels with name {@code *}: only objects with these labels
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventSourceReference(
    String apiVersion,
    @Required String kind,
    @Required String name,
    String namespace,
    Map<String, String> matchLabels) {}
