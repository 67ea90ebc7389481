package dev.cairn.api.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.LocalObjectReference;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/**
 * A webhook receiver; fields as in Flux's {@code ReceiverSpec} (v1).
 *
 * @param type who calls: {@code generic}, {@code generic-hmac}, {@code github}, {@code gitlab}, ...
 * @param interval how often the Receiver is checked again
 * @param events the event types accepted (e.g. GitHub's {@code push}); all when empty
 * @param resources the objects a valid call reconciles
 * @param resourceFilter a CEL expression selecting resources (refused)
 * @param secretRef Secret whose {@code token} forms the path and checks signatures
 * @param suspend refuse calls when true
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReceiverSpec(
    @Required String type,
    @Default("10m") @Pattern(FluxDuration.PATTERN) String interval,
    List<String> events,
    @Required List<EventSourceReference> resources,
    String resourceFilter,
    @Required LocalObjectReference secretRef,
    Boolean suspend) {}
