package dev.cairn.engine.argo.appset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.argo.Application;
import dev.cairn.api.argo.ApplicationSet;
import dev.cairn.api.argo.ApplicationSetStatus;
import dev.cairn.engine.EventRecorder;
import dev.cairn.engine.ReconcileResult;
import dev.cairn.engine.StepReconciler;
import dev.cairn.engine.Trigger;
import dev.cairn.sim.cluster.CairnCrdInstaller;
import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import dev.cairn.source.artifact.ArtifactStore;
import dev.cairn.source.artifact.ArtifactStoreOptions;
import dev.cairn.source.git.GitFetcher;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ApplicationSet reconciler against the simulated cluster and a real Git HTTP server: the
 * homelab directory layout, policies, collisions, sync waves across sets, RollingSync steps and
 * cluster Secrets. No Application reconciler runs here: where a test needs an Application Synced
 * and Healthy it writes that status itself, as the Application reconciler would.
 */
@ExtendWith(ClusterExtension.class)
class ApplicationSetReconcilerIT {
  private static Path temp;
  private static GitHttpServer git;
  private static KubernetesClient client;
  private static StepReconciler<ApplicationSet, ApplicationSetStatus, ApplicationSetRun> reconciler;
  private static String url;
  private static GitWorkingCopy work;

  @BeforeAll
  static void start(TestCluster cluster) throws Exception {
    temp = Files.createTempDirectory("appset-it-");
    git = GitHttpServer.start(temp.resolve("repos"));
    client = cluster.client();
    CairnCrdInstaller.install(client, List.of(Application.class, ApplicationSet.class));
    ArtifactStore store = new ArtifactStore(temp.resolve("store"), ArtifactStoreOptions.defaults());
    GitFetcher fetcher = new GitFetcher(temp.resolve("git"), store);
    reconciler =
        ApplicationSetKind.reconciler(
            client,
            fetcher,
            temp.resolve("work"),
            new EventRecorder(client, "cairn", Clock.systemUTC()),
            Clock.systemUTC());
    url = git.createRepository("homelab");
    work = GitWorkingCopy.init(Files.createTempDirectory(temp, "work"));
    for (String dir :
        List.of(
            "k8s/infra/cert-manager",
            "k8s/infra/traefik",
            "k8s/apps/media/jellyfin",
            "k8s/apps/media/wip-sonarr",
            "k8s/apps/tools/homepage")) {
      work.write(dir + "/kustomization.yaml", "resources: []\n");
    }
    work.commitAll("homelab");
    work.push(url);
    // As on a Git host, the repository's HEAD names its default branch.
    Files.writeString(git.repositoryDirectory("homelab").resolve("HEAD"), "ref: refs/heads/main\n");
  }

  @AfterAll
  static void stop() {
    git.close();
  }

  static String appsSet(String ns, String name, String policy, String wave, String glob) {
    return """
        apiVersion: cairn.dev/v1
        kind: ApplicationSet
        metadata: {name: %s, namespace: %s}
        spec:
          syncPolicy: {applicationsSync: %s}
          generators:
          - git:
              repoURL: %s
              revision: HEAD
              directories:
              - path: %s
              - path: k8s/apps/*/wip-*
                exclude: true
          template:
            metadata:
              name: '{{path.basename}}'
              annotations: {argocd.argoproj.io/sync-wave: "%s"}
              labels: {group: '{{path[2]}}'}
            spec:
              project: default
              source: {repoURL: %s, targetRevision: HEAD, path: '{{path}}'}
              destination: {server: https://kubernetes.default.svc, namespace: '{{path[2]}}'}
              syncPolicy:
                automated: {prune: true, selfHeal: true}
                syncOptions: [CreateNamespace=true]
        """
        .formatted(name, ns, policy, url, glob, wave, url);
  }

  static void apply(String yaml) {
    client
        .resource(client.getKubernetesSerialization().unmarshal(yaml, ApplicationSet.class))
        .serverSideApply();
  }

  static ReconcileResult<ApplicationSetStatus> reconcile(String ns, String name) {
    return reconciler.reconcile(ns, name, Trigger.INTERVAL).orElseThrow();
  }

  static Map<String, GenericKubernetesResource> applications(String ns) {
    Map<String, GenericKubernetesResource> out = new java.util.TreeMap<>();
    client
        .genericKubernetesResources("cairn.dev/v1", "Application")
        .inNamespace(ns)
        .list()
        .getItems()
        .forEach(app -> out.put(app.getMetadata().getName(), app));
    return out;
  }

  static Condition condition(String ns, String name, String type) {
    return client
        .resources(ApplicationSet.class)
        .inNamespace(ns)
        .withName(name)
        .get()
        .getStatus()
        .getConditions()
        .stream()
        .filter(c -> c.getType().equals(type))
        .findFirst()
        .orElseThrow();
  }

  static ObjectNode json(GenericKubernetesResource resource) {
    return client.getKubernetesSerialization().convertValue(resource, ObjectNode.class);
  }

  /** Writes what the Application reconciler would write once the app is Synced and Healthy. */
  static void markHealthy(String ns, String app) {
    GenericKubernetesResource live = applications(ns).get(app);
    live.getAdditionalProperties().remove("operation");
    live =
        client
            .genericKubernetesResources("cairn.dev/v1", "Application")
            .inNamespace(ns)
            .resource(live)
            .update();
    live.getAdditionalProperties()
        .put(
            "status",
            Map.of("sync", Map.of("status", "Synced"), "health", Map.of("status", "Healthy")));
    client
        .genericKubernetesResources("cairn.dev/v1", "Application")
        .inNamespace(ns)
        .resource(live)
        .updateStatus();
  }

  @Test
  void theHomelabDirectoryGeneratorMakesOneOwnedApplicationPerFolder(TestCluster cluster) {
    String ns = cluster.createNamespace("homelab");
    apply(appsSet(ns, "apps", "sync", "1", "k8s/apps/*/*"));

    ReconcileResult<ApplicationSetStatus> result = reconcile(ns, "apps");

    assertThat(applications(ns)).containsOnlyKeys("homepage", "jellyfin");
    ObjectNode jellyfin = json(applications(ns).get("jellyfin"));
    assertThat(jellyfin.at("/spec/destination/namespace").asText()).isEqualTo("media");
    assertThat(jellyfin.at("/spec/source/path").asText()).isEqualTo("k8s/apps/media/jellyfin");
    assertThat(jellyfin.at("/spec/syncPolicy/automated/selfHeal").asBoolean()).isTrue();
    assertThat(jellyfin.at("/metadata/labels/group").asText()).isEqualTo("media");
    assertThat(jellyfin.at("/metadata/ownerReferences/0/kind").asText())
        .isEqualTo("ApplicationSet");
    assertThat(jellyfin.at("/metadata/ownerReferences/0/name").asText()).isEqualTo("apps");
    assertThat(jellyfin.at("/metadata/ownerReferences/0/controller").asBoolean()).isTrue();
    assertThat(condition(ns, "apps", "ParametersGenerated").getStatus()).isEqualTo("True");
    assertThat(condition(ns, "apps", "ErrorOccurred").getStatus()).isEqualTo("False");
    assertThat(condition(ns, "apps", "ResourcesUpToDate").getStatus()).isEqualTo("True");
    assertThat(result.status().getResources())
        .extracting(r -> r.name())
        .containsExactly("jellyfin", "homepage");
    assertThat(result.status().getResourcesCount()).isEqualTo(2L);
  }

  @Test
  void aRemovedFolderDeletesItsApplicationUnderCreateDeleteAndKeepsItUnderCreateUpdate(
      TestCluster cluster) {
    String ns = cluster.createNamespace("removal");
    apply(appsSet(ns, "deleting", "create-delete", "0", "k8s/apps/media/*"));
    reconcile(ns, "deleting");
    assertThat(applications(ns)).containsOnlyKeys("jellyfin");

    apply(appsSet(ns, "deleting", "create-delete", "0", "k8s/apps/tools/*"));
    reconcile(ns, "deleting");
    assertThat(applications(ns)).containsOnlyKeys("homepage");

    String other = cluster.createNamespace("keeping");
    apply(appsSet(other, "keeping", "create-update", "0", "k8s/apps/media/*"));
    reconcile(other, "keeping");
    apply(appsSet(other, "keeping", "create-update", "0", "k8s/apps/tools/*"));
    reconcile(other, "keeping");
    assertThat(applications(other)).containsOnlyKeys("homepage", "jellyfin");
  }

  @Test
  void createOnlyNeverUpdatesAndSyncPutsBackAHandEdit(TestCluster cluster) {
    String ns = cluster.createNamespace("policy");
    apply(appsSet(ns, "only", "create-only", "0", "k8s/apps/media/*"));
    reconcile(ns, "only");
    edit(ns, "jellyfin", "hand-edited");
    reconcile(ns, "only");
    assertThat(json(applications(ns).get("jellyfin")).at("/spec/project").asText())
        .isEqualTo("hand-edited");

    apply(appsSet(ns, "only", "sync", "0", "k8s/apps/media/*"));
    reconcile(ns, "only");
    assertThat(json(applications(ns).get("jellyfin")).at("/spec/project").asText())
        .isEqualTo("default");
  }

  static void edit(String ns, String app, String project) {
    GenericKubernetesResource live = applications(ns).get(app);
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) live.getAdditionalProperties().get("spec");
    spec.put("project", project);
    client
        .genericKubernetesResources("cairn.dev/v1", "Application")
        .inNamespace(ns)
        .resource(live)
        .update();
  }

  @Test
  void twoSetsGeneratingOneNameIsAnErrorNamingBoth(TestCluster cluster) {
    String ns = cluster.createNamespace("collide");
    apply(appsSet(ns, "first", "sync", "0", "k8s/apps/media/*"));
    reconcile(ns, "first");
    apply(appsSet(ns, "second", "sync", "0", "k8s/apps/*/*"));

    ReconcileResult<ApplicationSetStatus> result = reconcile(ns, "second");

    assertThat(applications(ns)).containsOnlyKeys("jellyfin");
    Condition error = condition(ns, "second", "ErrorOccurred");
    assertThat(error.getStatus()).isEqualTo("True");
    assertThat(error.getMessage())
        .contains("Application 'jellyfin'", "ApplicationSet 'first'", "ApplicationSet 'second'");
    assertThat(condition(ns, "second", "Ready").getStatus()).isEqualTo("False");
    assertThat(result.status().getObservedGeneration()).isNotNull();
  }

  @Test
  void appsOfAHigherWaveWaitUntilTheInfrastructureSetIsHealthy(TestCluster cluster) {
    String ns = cluster.createNamespace("waves");
    apply(appsSet(ns, "infra", "sync", "-1", "k8s/infra/*"));
    apply(appsSet(ns, "apps", "sync", "1", "k8s/apps/*/*"));

    reconcile(ns, "apps");
    assertThat(applications(ns)).isEmpty();
    assertThat(condition(ns, "apps", "Ready").getMessage()).contains("ApplicationSet infra");

    reconcile(ns, "infra");
    assertThat(applications(ns)).containsOnlyKeys("cert-manager", "traefik");
    reconcile(ns, "apps");
    assertThat(applications(ns)).containsOnlyKeys("cert-manager", "traefik");
    assertThat(condition(ns, "apps", "ResourcesUpToDate").getMessage())
        .contains("Application cert-manager", "Application traefik");

    markHealthy(ns, "cert-manager");
    markHealthy(ns, "traefik");
    reconcile(ns, "apps");
    assertThat(applications(ns))
        .containsOnlyKeys("cert-manager", "traefik", "homepage", "jellyfin");
    assertThat(condition(ns, "apps", "ResourcesUpToDate").getStatus()).isEqualTo("True");
  }

  @Test
  void rollingSyncSyncsStepsInOrder(TestCluster cluster) {
    String ns = cluster.createNamespace("rolling");
    apply(
        """
        apiVersion: cairn.dev/v1
        kind: ApplicationSet
        metadata: {name: envs, namespace: %s}
        spec:
          generators:
          - list:
              elements:
              - {name: dev-a, env: dev}
              - {name: dev-b, env: dev}
              - {name: prod-a, env: prod}
          strategy:
            type: RollingSync
            rollingSync:
              steps:
              - matchExpressions: [{key: env, operator: In, values: [dev]}]
                maxUpdate: 1
              - matchExpressions: [{key: env, operator: In, values: [prod]}]
          template:
            metadata: {name: '{{name}}', labels: {env: '{{env}}'}}
            spec:
              project: default
              source: {repoURL: %s, path: k8s/infra/traefik}
              destination: {server: https://kubernetes.default.svc, namespace: '{{env}}'}
              syncPolicy: {automated: {prune: true}}
        """
            .formatted(ns, url));

    reconcile(ns, "envs");
    Map<String, GenericKubernetesResource> apps = applications(ns);
    assertThat(json(apps.get("dev-a")).at("/spec/syncPolicy/automated").isMissingNode()).isTrue();
    assertThat(operating(ns)).containsExactly("dev-a");

    reconcile(ns, "envs");
    assertThat(operating(ns)).as("maxUpdate 1: one at a time").containsExactly("dev-a");

    markHealthy(ns, "dev-a");
    reconcile(ns, "envs");
    assertThat(operating(ns)).containsExactly("dev-b");
    markHealthy(ns, "dev-b");
    reconcile(ns, "envs");
    assertThat(operating(ns)).containsExactly("prod-a");
    markHealthy(ns, "prod-a");
    ReconcileResult<ApplicationSetStatus> done = reconcile(ns, "envs");
    assertThat(condition(ns, "envs", "RolloutProgressing").getStatus()).isEqualTo("False");
    assertThat(done.status().getApplicationStatus())
        .extracting(s -> s.application() + ":" + s.step() + ":" + s.status())
        .containsExactlyInAnyOrder("dev-a:1:Healthy", "dev-b:1:Healthy", "prod-a:2:Healthy");
  }

  static List<String> operating(String ns) {
    return applications(ns).values().stream()
        .filter(app -> app.getAdditionalProperties().get("operation") != null)
        .map(app -> app.getMetadata().getName())
        .toList();
  }

  @Test
  void clustersGeneratorReadsArgoCdClusterSecretsAndNeverTheirCredentials(TestCluster cluster) {
    String ns = cluster.createNamespace("clusters");
    client
        .secrets()
        .inNamespace(ns)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("edge")
                .withLabels(Map.of("argocd.argoproj.io/secret-type", "cluster", "tier", "edge"))
                .endMetadata()
                .withStringData(
                    Map.of(
                        "name", "edge-1",
                        "server", "https://edge-1.example:6443",
                        "config", "{\"bearerToken\":\"tok-SECRET-123\"}"))
                .build())
        .create();
    apply(
        """
        apiVersion: cairn.dev/v1
        kind: ApplicationSet
        metadata: {name: fleet, namespace: %s}
        spec:
          generators:
          - clusters: {}
          template:
            metadata: {name: 'guestbook-{{nameNormalized}}'}
            spec:
              project: default
              source: {repoURL: %s, path: k8s/infra/traefik}
              destination: {server: '{{server}}', namespace: guestbook}
        """
            .formatted(ns, url));

    reconcile(ns, "fleet");

    Map<String, GenericKubernetesResource> apps = applications(ns);
    assertThat(apps).containsOnlyKeys("guestbook-edge-1", "guestbook-in-cluster");
    assertThat(json(apps.get("guestbook-edge-1")).at("/spec/destination/server").asText())
        .isEqualTo("https://edge-1.example:6443");
    String everything =
        client.getKubernetesSerialization().asJson(apps)
            + client
                .getKubernetesSerialization()
                .asJson(
                    client.resources(ApplicationSet.class).inNamespace(ns).withName("fleet").get())
            + client
                .getKubernetesSerialization()
                .asJson(client.v1().events().inNamespace(ns).list());
    assertThat(everything).doesNotContain("tok-SECRET-123");
  }

  @Test
  void preserveResourcesOnDeletionDropsTheResourcesFinalizerBeforeDeleting(TestCluster cluster) {
    String ns = cluster.createNamespace("preserve");
    apply(
        appsSet(ns, "kept", "sync", "0", "k8s/apps/media/*")
            .replace(
                "syncPolicy: {applicationsSync: sync}",
                "syncPolicy: {applicationsSync: sync, preserveResourcesOnDeletion: true}")
            .replace(
                "labels: {group: '{{path[2]}}'}",
                "labels: {group: '{{path[2]}}'}\n      finalizers: [resources-finalizer.argocd.argoproj.io, other.example/keep]"));
    reconcile(ns, "kept");
    assertThat(applications(ns).get("jellyfin").getMetadata().getFinalizers())
        .containsExactly("resources-finalizer.argocd.argoproj.io", "other.example/keep");

    client.resources(ApplicationSet.class).inNamespace(ns).withName("kept").delete();
    reconcile(ns, "kept");

    GenericKubernetesResource app = applications(ns).get("jellyfin");
    assertThat(app.getMetadata().getDeletionTimestamp()).as("deleted").isNotNull();
    assertThat(app.getMetadata().getFinalizers())
        .as("its resources stay: Argo CD's resources finalizer is gone")
        .containsExactly("other.example/keep");
  }

  @Test
  void createUpdateOrphansTheApplicationsWhenTheSetIsDeleted(TestCluster cluster) {
    String ns = cluster.createNamespace("orphan");
    apply(appsSet(ns, "orphaning", "create-update", "0", "k8s/apps/media/*"));
    reconcile(ns, "orphaning");

    client.resources(ApplicationSet.class).inNamespace(ns).withName("orphaning").delete();
    reconcile(ns, "orphaning");

    GenericKubernetesResource app = applications(ns).get("jellyfin");
    assertThat(app).isNotNull();
    assertThat(app.getMetadata().getOwnerReferences()).isNullOrEmpty();
  }
}
