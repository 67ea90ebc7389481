package dev.cairn.api.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.LocalObjectReference;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/**
 * What to fetch from Git and how often; fields as in Flux's {@code GitRepositorySpec}.
 *
 * @param url HTTP(S) or SSH address of the repository
 * @param secretRef Secret with credentials (username/password, bearerToken, identity, known_hosts)
 * @param provider credential provider when no secret is given
 * @param serviceAccountName service account for cloud-provider identity
 * @param interval how often to check for new revisions
 * @param timeout timeout of Git operations
 * @param ref the revision to check out; the default branch when absent
 * @param verify OpenPGP verification settings
 * @param proxySecretRef Secret with proxy address and credentials
 * @param ignore .gitignore-style patterns excluded from the artifact
 * @param suspend stop reconciling when true
 * @param recurseSubmodules clone submodules too
 * @param include other GitRepositories whose artifacts are copied into this one
 * @param sparseCheckout directories to check out instead of the whole tree
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GitRepositorySpec(
    @Required @Pattern("^(http|https|ssh)://.*$") String url,
    LocalObjectReference secretRef,
    GitProvider provider,
    String serviceAccountName,
    @Required @Pattern(FluxDuration.PATTERN) String interval,
    @Default("60s") @Pattern(FluxDuration.SOURCE_TIMEOUT_PATTERN) String timeout,
    GitRepositoryRef ref,
    GitRepositoryVerification verify,
    LocalObjectReference proxySecretRef,
    String ignore,
    Boolean suspend,
    Boolean recurseSubmodules,
    List<GitRepositoryInclude> include,
    List<String> sparseCheckout) {}
