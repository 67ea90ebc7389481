package dev.cairn.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.LocalObjectReference;
import dev.cairn.api.source.AccessFrom;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/**
 * An image repository to scan; fields as in Flux's {@code ImageRepositorySpec}.
 *
 * @param image the image name without tag, e.g. {@code ghcr.io/acme/api}
 * @param interval how often to scan
 * @param timeout timeout of one scan (default the interval, as Flux)
 * @param secretRef Secret of type {@code kubernetes.io/dockerconfigjson}
 * @param serviceAccountName service account whose image pull secrets are used
 * @param certSecretRef Secret with {@code ca.crt}, {@code tls.crt}, {@code tls.key}
 * @param proxySecretRef Secret with a proxy address
 * @param accessFrom namespaces whose ImagePolicies may use this repository
 * @param exclusionList regular expressions of tags to leave out; default {@code ^.*\.sig$}
 * @param provider credential provider: {@code generic}, {@code aws}, {@code azure}, {@code gcp}
 * @param insecure allow plain HTTP
 * @param suspend stop scanning when true
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageRepositorySpec(
    @Required String image,
    @Required @Pattern(FluxDuration.PATTERN) String interval,
    @Pattern(FluxDuration.PATTERN) String timeout,
    LocalObjectReference secretRef,
    String serviceAccountName,
    LocalObjectReference certSecretRef,
    LocalObjectReference proxySecretRef,
    AccessFrom accessFrom,
    List<String> exclusionList,
    String provider,
    Boolean insecure,
    Boolean suspend) {

  /** Flux's default exclusion: cosign signature tags. */
  public static final List<String> DEFAULT_EXCLUSIONS = List.of("^.*\\.sig$");

  /** The exclusion list in effect: the spec's, or the default when absent. */
  public List<String> exclusions() {
    return exclusionList == null ? DEFAULT_EXCLUSIONS : exclusionList;
  }
}
