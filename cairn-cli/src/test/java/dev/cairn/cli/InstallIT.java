package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.api.source.GitRepository;
import dev.cairn.manifest.YamlReader;
import dev.cairn.testkit.cluster.ClusterExtension;
import dev.cairn.testkit.cluster.TestCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cairn install --export} prints objects a real API server takes with server-side apply
 * (fabric8 and, when it is on PATH, {@code kubectl apply --server-side -f -}); {@code cairn
 * install} applies and waits for the controller; {@code cairn uninstall --keep-managed} removes
 * Cairn and leaves what it applied.
 */
@ExtendWith(ClusterExtension.class)
class InstallIT {

  @Test
  void exportedManifestsApplyServerSideAndFollowTheRestrictedStandard(TestCluster cluster) {
    String ns = cluster.createNamespace("export");
    Output export = run("install", "--export", "-n", ns, "--replicas", "2");
    assertThat(export.code()).as(export.err()).isZero();
    List<GenericKubernetesResource> objects = parse(export.out());
    assertThat(objects)
        .extracting(GenericKubernetesResource::getKind)
        .contains(
            "CustomResourceDefinition",
            "Namespace",
            "ServiceAccount",
            "ClusterRoleBinding",
            "Deployment",
            "Service",
            "NetworkPolicy",
            "PodDisruptionBudget");
    KubernetesClient client = cluster.client();
    for (GenericKubernetesResource object : objects) {
      client.resource(object).fieldManager("install-it").forceConflicts().serverSideApply();
    }
    Deployment deployment =
        client.apps().deployments().inNamespace(ns).withName("cairn-controller").get();
    assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
    PodSecurityContext pod = deployment.getSpec().getTemplate().getSpec().getSecurityContext();
    assertThat(pod.getRunAsNonRoot()).isTrue();
    assertThat(pod.getRunAsUser()).isEqualTo(65532L);
    assertThat(pod.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    SecurityContext security = container.getSecurityContext();
    assertThat(security.getAllowPrivilegeEscalation()).isFalse();
    assertThat(security.getReadOnlyRootFilesystem()).isTrue();
    assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
    assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
    assertThat(container.getResources().getLimits()).containsKey("memory");
    assertThat(container.getArgs())
        .contains(
            "controller",
            "--lease-namespace=" + ns,
            "--storage-addr=:9090",
            "--storage-adv-addr=cairn-source." + ns + ".svc.cluster.local.",
            "--receiver-bind-address=:9292");
    assertThat(container.getPorts())
        .extracting(p -> p.getName() + "=" + p.getContainerPort())
        .contains("http=9090", "http-prom=8080", "http-webhook=9292");
    for (String service : List.of("cairn-source", "cairn-webhook-receiver")) {
      var port = client.services().inNamespace(ns).withName(service).get().getSpec().getPorts();
      assertThat(port).as(service).hasSize(1);
      assertThat(port.get(0).getPort()).isEqualTo(80);
    }
    assertThat(
            client
                .network()
                .v1()
                .networkPolicies()
                .inNamespace(ns)
                .withName("cairn-controller")
                .get()
                .getSpec()
                .getIngress())
        .anySatisfy(
            rule -> {
              assertThat(rule.getFrom())
                  .singleElement()
                  .satisfies(f -> assertThat(f.getPodSelector()).isNotNull());
              assertThat(rule.getPorts())
                  .singleElement()
                  .satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(9090));
            });
    assertThat(client.namespaces().withName(ns).get().getMetadata().getLabels())
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
  }

  @Test
  void kubectlAppliesTheExportServerSide(TestCluster cluster, @TempDir Path temp) throws Exception {
    assumeTrue(onPath("kubectl"), "kubectl is not on PATH");
    assumeTrue(cluster.isSimulated(), "writes a kubeconfig of the simulated cluster");
    Path kubeconfig = cluster.simulated().orElseThrow().writeKubeconfig(temp.resolve("kubeconfig"));
    String ns = cluster.createNamespace("kubectl");
    Output export = run("install", "--export", "-n", ns);
    Path file = Files.writeString(temp.resolve("install.yaml"), export.out());

    // kubectl's default validation (Strict): it reads the server's OpenAPI v3 documents and
    // leaves the checking to the server through fieldValidation=Strict
    Output applied = kubectl(kubeconfig, file, "apply", "--server-side", "-f", "-");

    assertThat(applied.code()).as(applied.out()).isZero();
    assertThat(applied.out())
        .contains("deployment.apps/cairn-controller serverside-applied")
        .contains("customresourcedefinition.apiextensions.k8s.io/kustomizations.cairn.dev");
    assertThat(
            cluster
                .client()
                .apps()
                .deployments()
                .inNamespace(ns)
                .withName("cairn-controller")
                .get())
        .isNotNull();

    Path unknownField =
        Files.writeString(
            temp.resolve("unknown-field.yaml"),
            """
            apiVersion: cairn.dev/v1
            kind: Kustomization
            metadata:
              name: colourful
              namespace: %s
            spec:
              interval: 10m
              path: ./apps
              prune: true
              sourceRef:
                kind: GitRepository
                name: repo
              colour: red
            """
                .formatted(ns));
    Output refused = kubectl(kubeconfig, unknownField, "apply", "--server-side", "-f", "-");

    assertThat(refused.code()).as(refused.out()).isNotZero();
    assertThat(refused.out())
        .contains(
            "failed to create typed patch object ("
                + ns
                + "/colourful; cairn.dev/v1, Kind=Kustomization): .spec.colour: field not"
                + " declared in schema");
  }

  /** Runs kubectl with {@code input} as its standard input; {@code out} has stdout and stderr. */
  private static Output kubectl(Path kubeconfig, Path input, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig"));
    command.add(kubeconfig.toString());
    command.addAll(List.of(args));
    Process kubectl =
        new ProcessBuilder(command).redirectInput(input.toFile()).redirectErrorStream(true).start();
    String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Output(kubectl.exitValue(), output, "");
  }

  @Test
  void installsWaitsAndUninstallsKeepingWhatItApplied(TestCluster cluster, @TempDir Path temp) {
    assumeTrue(cluster.isSimulated(), "removes Cairn's CRDs from the cluster");
    Path kubeconfig = cluster.simulated().orElseThrow().writeKubeconfig(temp.resolve("kubeconfig"));
    String ns = cluster.createNamespace("installed");
    Output install =
        run("install", "--kubeconfig", kubeconfig.toString(), "-n", ns, "--timeout", "60s");
    assertThat(install.code()).as(install.err()).isZero();
    assertThat(install.out()).contains("cairn-controller is ready");
    KubernetesClient client = cluster.client();
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace(ns)
                .withName("cairn-controller")
                .get()
                .getStatus()
                .getReadyReplicas())
        .isEqualTo(1);

    GitRepository repo =
        client
            .getKubernetesSerialization()
            .unmarshal(
                """
                apiVersion: cairn.dev/v1
                kind: GitRepository
                metadata: {name: repo, namespace: %s, finalizers: [cairn.dev/finalizer]}
                spec: {url: "https://example.com/repo.git", interval: 10m}
                """
                    .formatted(ns),
                GitRepository.class);
    client.resource(repo).create();
    String app = cluster.createNamespace("app");
    client
        .configMaps()
        .inNamespace(app)
        .resource(
            new ConfigMapBuilder().withNewMetadata().withName("applied").endMetadata().build())
        .create();

    Output uninstall =
        run("uninstall", "--kubeconfig", kubeconfig.toString(), "-n", ns, "--keep-managed");
    assertThat(uninstall.code()).as(uninstall.err()).isZero();
    assertThat(uninstall.out()).contains("GitRepository/" + ns + "/repo released");
    assertThat(
            client
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("gitrepositories.cairn.dev")
                .get())
        .isNull();
    assertThat(client.apps().deployments().inNamespace(ns).withName("cairn-controller").get())
        .isNull();
    assertThat(client.configMaps().inNamespace(app).withName("applied").get()).isNotNull();
  }

  private static List<GenericKubernetesResource> parse(String yaml) {
    var serialization = new io.fabric8.kubernetes.client.utils.KubernetesSerialization();
    return YamlReader.defaults().readAll("export", yaml).stream()
        .map(doc -> serialization.convertValue(doc.content(), GenericKubernetesResource.class))
        .toList();
  }

  static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  static Output run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            args);
    return new Output(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  record Output(int code, String out, String err) {}
}
