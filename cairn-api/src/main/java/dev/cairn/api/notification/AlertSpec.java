package dev.cairn.api.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.LocalObjectReference;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.List;
import java.util.Map;

/**
 * Which events to send where; fields as in Flux's {@code AlertSpec} (v1beta3).
 *
 * @param providerRef the Provider in the Alert's namespace
 * @param eventSeverity {@code info} (every event) or {@code error} (errors only)
 * @param eventSources the objects whose events are sent
 * @param inclusionList regular expressions; when set, only events whose message matches one go
 * @param exclusionList regular expressions; events whose message matches one are dropped
 * @param eventMetadata metadata added to every event sent
 * @param summary a short text added to every event sent (as metadata {@code summary})
 * @param suspend stop sending when true
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertSpec(
    @Required LocalObjectReference providerRef,
    @Pattern("^(info|error)$") String eventSeverity,
    @Required List<EventSourceReference> eventSources,
    List<String> inclusionList,
    List<String> exclusionList,
    Map<String, String> eventMetadata,
    String summary,
    Boolean suspend) {}
