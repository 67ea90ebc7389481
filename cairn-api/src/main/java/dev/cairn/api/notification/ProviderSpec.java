package dev.cairn.api.notification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.LocalObjectReference;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/**
 * A notification provider; fields as in Flux's {@code ProviderSpec} (v1beta3).
 *
 * @param type the provider type: {@code generic}, {@code slack}, {@code github}, ...
 * @param interval accepted for Flux compatibility (deprecated there): how often the Provider is
 *     checked again
 * @param channel the channel (Slack, Rocket, Telegram chat id, Matrix room id)
 * @param username the bot user name (Slack, Rocket, Discord) or basic-auth user
 * @param address the webhook or API address; for Git providers the repository URL
 * @param timeout the timeout of one call to the provider
 * @param proxy an HTTP proxy address
 * @param secretRef Secret with {@code address}, {@code token}, {@code username}, {@code password},
 *     {@code headers}, {@code proxy}
 * @param certSecretRef Secret with the CA certificate ({@code ca.crt} or {@code caFile})
 * @param suspend stop sending when true
 * @param commitStatusExpr a CEL expression forming the commit status id (refused)
 * @param serviceAccountName workload identity for cloud providers (refused)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProviderSpec(
    @Required String type,
    @Pattern(FluxDuration.PATTERN) String interval,
    String channel,
    String username,
    @Pattern("^(http|https)://.*$") String address,
    @Pattern(FluxDuration.PATTERN) String timeout,
    @Pattern("^(http|https)://.*$") String proxy,
    LocalObjectReference secretRef,
    LocalObjectReference certSecretRef,
    Boolean suspend,
    String commitStatusExpr,
    String serviceAccountName) {}
