package dev.cairn.api.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.cairn.api.FluxDuration;
import dev.cairn.api.LocalObjectReference;
import dev.cairn.api.source.GitRepositoryRef;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.Map;

/**
 * Where and how to write the policies' picks; fields as in Flux's {@code
 * ImageUpdateAutomationSpec}.
 *
 * @param sourceRef the GitRepository to clone and push to
 * @param git checkout, commit and push settings
 * @param interval how often to run
 * @param policySelector which ImagePolicies of the namespace take part (all when absent)
 * @param update where the markers are and how they are written
 * @param suspend stop running when true
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageUpdateAutomationSpec(
    @Required SourceReference sourceRef,
    GitSpec git,
    @Required @Pattern(FluxDuration.PATTERN) String interval,
    LabelSelector policySelector,
    UpdateStrategy update,
    Boolean suspend) {

  /** The Git source: kind {@code GitRepository}, in the automation's namespace by default. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SourceReference(
      String apiVersion, @Required String kind, @Required String name, String namespace) {}

  /** Checkout, commit and push. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record GitSpec(Checkout checkout, @Required Commit commit, Push push) {}

  /** The ref to check out instead of the GitRepository's. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Checkout(@Required GitRepositoryRef ref) {}

  /** The commit: author, OpenPGP signing key, message template (a Go template) and its values. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Commit(
      @Required Author author,
      SigningKey signingKey,
      String messageTemplate,
      Map<String, String> messageTemplateValues) {}

  /** The commit's author and committer. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Author(String name, @Required String email) {}

  /** A Secret holding {@code git.asc}, the armored OpenPGP private key. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SigningKey(LocalObjectReference secretRef) {}

  /** Push to another branch, or with a refspec, and push options. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Push(String branch, String refspec, Map<String, String> options) {}

  /** {@code Setters} over the files under {@code path} (default the repository root). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record UpdateStrategy(String path, String strategy) {}
}
