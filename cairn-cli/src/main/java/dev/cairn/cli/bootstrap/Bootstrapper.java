package dev.cairn.cli.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.cli.CliException;
import dev.cairn.cli.ExitCode;
import dev.cairn.cli.cluster.CairnKind;
import dev.cairn.cli.cluster.CairnObjectRef;
import dev.cairn.cli.cluster.CairnObjects;
import dev.cairn.cli.install.InstallSettings;
import dev.cairn.cli.install.Installer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * {@code cairn bootstrap git}, step by step as {@code flux bootstrap git} goes: commit and push the
 * manifests (nothing is committed when they are already there), install Cairn from the same
 * manifests, store the Git credentials in a Secret, apply the GitRepository and root Kustomization,
 * and wait until both are Ready at the pushed commit. Running it again upgrades in place.
 */
public final class Bootstrapper {
  static final String FIELD_MANAGER = "cairn-bootstrap";

  private final KubernetesClient client;
  private final PrintWriter out;

  public Bootstrapper(KubernetesClient client, PrintWriter out) {
    this.client = client;
    this.out = out;
  }

  /**
   * Runs every step; returns the commit the cluster now runs.
   *
   * @param version the Cairn version named in the commit message and the components' header
   * @param author who the commit is by
   * @param timeout how long to wait for the controller, then for the sync objects
   */
  public String run(
      BootstrapSettings settings,
      InstallSettings install,
      String version,
      PersonIdent author,
      Duration timeout) {
    String commit = pushManifests(settings, install, version, author);
    out.printf("► installing Cairn in namespace %s%n", install.namespace());
    out.flush();
    new Installer(client, out).install(install, timeout);
    applySecret(settings);
    applySync(settings);
    Instant deadline = Instant.now().plus(timeout);
    SyncWait wait = new SyncWait(new CairnObjects(client), out);
    wait.awaitReady(ref(CairnKind.GitRepository, settings), commit, deadline);
    wait.awaitReady(ref(CairnKind.Kustomization, settings), commit, deadline);
    out.println("✔ bootstrap finished");
    out.flush();
    return commit;
  }

  private String pushManifests(
      BootstrapSettings settings, InstallSettings install, String version, PersonIdent author) {
    out.printf("► cloning branch %s of %s%n", settings.branch(), settings.url());
    out.flush();
    try (BootstrapRepository repository = BootstrapRepository.clone(settings)) {
      out.println("✔ cloned repository");
      repository.write(SyncManifests.files(settings, install, version));
      Optional<String> commit =
          repository.commitIfChanged("Add Cairn v" + version + " sync manifests", author);
      if (commit.isPresent()) {
        out.printf(
            "✔ committed the manifests in %s to %s (%s)%n",
            settings.directory(), settings.branch(), SyncWait.shortId(commit.get()));
      } else {
        out.printf("✔ the manifests in %s are up to date%n", settings.directory());
      }
      out.printf("► pushing to %s%n", settings.url());
      out.flush();
      repository.push();
      out.println("✔ pushed");
      return repository.head();
    } catch (GitAPIException | JGitInternalException | IllegalStateException e) {
      // no cause attached: a transport error may quote what it sent
      throw new CliException(
          ExitCode.FAILED, settings.auth().redact("Git: " + e.getMessage()).replace('\n', ' '));
    }
  }

  private void applySecret(BootstrapSettings settings) {
    if (!settings.auth().present()) {
      return;
    }
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName(settings.secretName())
            .withNamespace(settings.namespace())
            .endMetadata()
            .withType("Opaque")
            .withData(settings.auth().secretData())
            .build();
    client.resource(secret).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    out.printf(
        "✔ Secret %s/%s holds the Git credentials%n", settings.namespace(), settings.secretName());
  }

  private void applySync(BootstrapSettings settings) {
    for (JsonNode object : SyncManifests.syncObjects(settings)) {
      GenericKubernetesResource resource =
          client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
      client.resource(resource).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
    }
    CairnObjects objects = new CairnObjects(client);
    objects.requestReconcile(ref(CairnKind.GitRepository, settings));
    objects.requestReconcile(ref(CairnKind.Kustomization, settings));
    out.printf(
        "✔ GitRepository and Kustomization %s/%s applied (path %s)%n",
        settings.namespace(), settings.namespace(), settings.kustomizationPath());
    out.flush();
  }

  private static CairnObjectRef ref(CairnKind kind, BootstrapSettings settings) {
    return new CairnObjectRef(kind, settings.namespace(), settings.namespace());
  }
}
