package dev.cairn.engine.image;

import dev.cairn.api.ConditionReasons;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.SecretData;
import dev.cairn.engine.StepResult;
import dev.cairn.image.git.UpdateCommitter;
import dev.cairn.image.git.UpdateRequest;
import dev.cairn.image.pullrequest.GitHubPullRequests;
import dev.cairn.image.pullrequest.PullRequestException;
import dev.cairn.image.pullrequest.PullRequestHost;
import dev.cairn.image.setters.SetterChange;
import dev.cairn.source.SourceException;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cairn's pull-request flow (Flux pushes the branch but opens nothing). With the annotation {@code
 * cairn.dev/pull-request: <secret>} and a {@code spec.git.push.branch} other than the checkout
 * branch, the run keeps one pull request from the push branch into the checkout branch: opened when
 * the checkout branch lacks the policies' picks, its description updated when the change list
 * changes, closed when the checkout branch holds them all (merged, or changed by hand). The Secret
 * holds {@code token} and optionally {@code address}, the API base URL (default {@code
 * https://api.github.com}); the repository is the GitRepository URL's last two path segments.
 */
public final class PullRequestStep {
  public static final String ANNOTATION = "cairn.dev/pull-request";
  static final String TITLE_PREFIX = "Image updates for ";

  /** Makes the host client of one repository. */
  @FunctionalInterface
  public interface Hosts {
    PullRequestHost create(URI api, String owner, String repository, String token);

    static Hosts github() {
      return GitHubPullRequests::new;
    }
  }

  private final KubernetesClient client;
  private final UpdateCommitter committer;
  private final Hosts hosts;

  public PullRequestStep(KubernetesClient client, UpdateCommitter committer, Hosts hosts) {
    this.client = client;
    this.committer = committer;
    this.hosts = hosts;
  }

  StepResult run(ImageUpdateAutomationRun run) {
    Map<String, String> annotations = run.object().getMetadata().getAnnotations();
    String secretName = annotations == null ? null : annotations.get(ANNOTATION);
    if (secretName == null || secretName.isBlank()) {
      return StepResult.proceed();
    }
    UpdateRequest request = run.request();
    if (request.targetBranch().equals(request.checkoutBranch())) {
      throw new ReconcileException.Stalled(
          ConditionReasons.INVALID_SPEC,
          "annotation "
              + ANNOTATION
              + " needs spec.git.push.branch other than the checkout branch");
    }
    PullRequestHost host = host(run, secretName.strip(), request.source().url());
    List<SetterChange> pending;
    try {
      pending = committer.pending(request);
    } catch (SourceException e) {
      throw new ReconcileException.Failed(ImageReasons.GIT_FAILED, e.getMessage());
    }
    try {
      sync(run, host, request, pending);
    } catch (PullRequestException e) {
      throw new ReconcileException.Failed(ImageReasons.GIT_FAILED, e.getMessage());
    }
    return StepResult.proceed();
  }

  private static void note(ImageUpdateAutomationRun run, String what) {
    String before = run.successMessage();
    run.succeedWith(before == null || before.isEmpty() ? what : before + "; " + what);
  }

  private static void sync(
      ImageUpdateAutomationRun run,
      PullRequestHost host,
      UpdateRequest request,
      List<SetterChange> pending)
      throws PullRequestException {
    String head = request.targetBranch();
    String base = request.checkoutBranch();
    Optional<PullRequestHost.PullRequest> open = host.findOpen(head, base);
    if (pending.isEmpty()) {
      if (open.isPresent()) {
        host.close(open.get());
        note(run, "closed pull request #" + open.get().number() + " (no change needed)");
      }
      return;
    }
    String title = TITLE_PREFIX + run.key().namespace() + "/" + run.key().name();
    String body = description(pending);
    if (open.isEmpty()) {
      PullRequestHost.PullRequest created = host.open(head, base, title, body);
      note(run, "opened pull request #" + created.number());
    } else if (!open.get().body().equals(body) || !open.get().title().equals(title)) {
      host.update(open.get(), title, body);
      note(run, "updated pull request #" + open.get().number());
    }
  }

  /** The change list, one line per rewritten value. */
  static String description(List<SetterChange> changes) {
    StringBuilder sb = new StringBuilder("Cairn image automation updates:\n\n");
    for (SetterChange c : changes) {
      sb.append("- `")
          .append(c.file())
          .append("`: ")
          .append(c.oldValue())
          .append(" → ")
          .append(c.newValue())
          .append(" (")
          .append(c.setter())
          .append(")\n");
    }
    return sb.toString();
  }

  private PullRequestHost host(ImageUpdateAutomationRun run, String secretName, String url) {
    String namespace = run.key().namespace();
    Secret secret = client.secrets().inNamespace(namespace).withName(secretName).get();
    if (secret == null) {
      throw new ReconcileException.Failed(
          ConditionReasons.AUTHENTICATION_FAILED,
          "failed to get secret '" + namespace + "/" + secretName + "': not found");
    }
    Map<String, String> data = SecretData.of(secret);
    String token = data.get("token");
    if (token == null || token.isBlank()) {
      throw new ReconcileException.Stalled(
          ConditionReasons.AUTHENTICATION_FAILED,
          "secret '" + namespace + "/" + secretName + "' has no 'token' key");
    }
    String address = data.getOrDefault("address", GitHubPullRequests.DEFAULT_API).strip();
    String[] path = URI.create(url).getPath().replaceAll("\\.git$", "").split("/");
    if (path.length < 2) {
      throw new ReconcileException.Stalled(
          ConditionReasons.INVALID_SPEC,
          "cannot tell the repository's owner and name from the GitRepository URL");
    }
    return hosts.create(
        URI.create(address), path[path.length - 2], path[path.length - 1], token.strip());
  }
}
