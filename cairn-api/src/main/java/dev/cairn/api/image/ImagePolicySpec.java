package dev.cairn.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.FluxDuration;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/**
 * Which tag of an ImageRepository to pick; fields as in Flux's {@code ImagePolicySpec}.
 *
 * @param imageRepositoryRef the ImageRepository (another namespace when its accessFrom allows)
 * @param policy how to order the tags: exactly one of semver, alphabetical, numerical
 * @param filterTags which tags take part, and what of them is compared
 * @param digestReflectionPolicy Never (default), IfNotPresent or Always: resolve the digest
 * @param interval how often to look the digest up again with {@code Always}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImagePolicySpec(
    @Required ImageRepositoryReference imageRepositoryRef,
    @Required ImagePolicyChoice policy,
    TagFilter filterTags,
    String digestReflectionPolicy,
    @Pattern(FluxDuration.PATTERN) String interval) {

  /** An ImageRepository by name, in the policy's namespace unless {@code namespace} is set. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ImageRepositoryReference(@Required String name, String namespace) {}

  /** Exactly one ordering. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ImagePolicyChoice(Semver semver, Ordered alphabetical, Ordered numerical) {}

  /** The highest version in a Masterminds/semver range. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Semver(@Required String range) {}

  /** {@code asc} picks the last in ascending order (the highest), {@code desc} the first. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Ordered(String order) {}

  /**
   * A Go (RE2) regular expression the tag must match, and the text compared: {@code extract}
   * expands the pattern's groups ({@code $ts}, {@code ${1}}) for each tag.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TagFilter(String pattern, String extract) {}
}
