package dev.cairn.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.ConditionReasons;
import dev.cairn.api.argo.AppProject;
import dev.cairn.api.argo.Application;
import dev.cairn.api.argo.ApplicationSet;
import dev.cairn.api.helm.HelmRelease;
import dev.cairn.api.image.ImagePolicy;
import dev.cairn.api.image.ImageRepository;
import dev.cairn.api.image.ImageUpdateAutomation;
import dev.cairn.api.kustomize.Kustomization;
import dev.cairn.api.kustomize.KustomizationStatus;
import dev.cairn.api.notification.Alert;
import dev.cairn.api.notification.Provider;
import dev.cairn.api.notification.Receiver;
import dev.cairn.api.source.GitRepository;
import dev.cairn.api.source.HelmChart;
import dev.cairn.api.source.HelmRepository;
import dev.cairn.api.source.OCIRepository;
import dev.cairn.engine.argo.AppProjectRefusals;
import dev.cairn.engine.argo.ApplicationRefusals;
import dev.cairn.engine.argo.appset.ApplicationSetRefusals;
import dev.cairn.engine.helm.HelmReleaseRefusals;
import dev.cairn.engine.image.ImageRefusals;
import dev.cairn.engine.kustomize.KustomizationRefusals;
import dev.cairn.engine.notification.NotificationRefusals;
import dev.cairn.engine.source.SourceRefusals;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No silently ignored field: every spec path of every CRD in {@code deploy/crds} has a row in
 * {@code field-coverage.tsv}; every row names a path that exists; every implemented row names a
 * test class that exists; and every refused field, set on a minimal valid object, really stalls the
 * run with {@code InvalidSpec} and the row's message.
 */
class FieldCoverageTest {
  private static final Path ROOT = Path.of("..");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private record Kind(
      Class<? extends CustomResource<?, ?>> type, String minimalSpec, List<FieldRefusal> refused) {}

  private static final Map<String, Kind> KINDS =
      Map.ofEntries(
          Map.entry(
              "GitRepository",
              new Kind(
                  GitRepository.class,
                  "{\"url\":\"https://git.example.com/app.git\",\"interval\":\"1m\"}",
                  SourceRefusals.GIT_REPOSITORY)),
          Map.entry(
              "HelmRepository",
              new Kind(
                  HelmRepository.class,
                  "{\"url\":\"https://charts.example.com\",\"interval\":\"1m\"}",
                  SourceRefusals.HELM_REPOSITORY)),
          Map.entry(
              "HelmChart",
              new Kind(
                  HelmChart.class,
                  "{\"chart\":\"app\",\"interval\":\"1m\","
                      + "\"sourceRef\":{\"kind\":\"HelmRepository\",\"name\":\"charts\"}}",
                  SourceRefusals.HELM_CHART)),
          Map.entry(
              "Kustomization",
              new Kind(
                  Kustomization.class,
                  "{\"interval\":\"1m\",\"prune\":true,"
                      + "\"sourceRef\":{\"kind\":\"GitRepository\",\"name\":\"app\"}}",
                  KustomizationRefusals.FIELDS)),
          Map.entry(
              "OCIRepository",
              new Kind(
                  OCIRepository.class,
                  "{\"url\":\"oci://registry.example.com/app\",\"interval\":\"1m\"}",
                  SourceRefusals.OCI_REPOSITORY)),
          Map.entry(
              "HelmRelease",
              new Kind(
                  HelmRelease.class,
                  "{\"interval\":\"1m\",\"chart\":{\"spec\":{\"chart\":\"app\","
                      + "\"sourceRef\":{\"kind\":\"HelmRepository\",\"name\":\"charts\"}}}}",
                  HelmReleaseRefusals.FIELDS)),
          Map.entry(
              "ImageRepository",
              new Kind(
                  ImageRepository.class,
                  "{\"image\":\"ghcr.io/acme/api\",\"interval\":\"1m\"}",
                  ImageRefusals.IMAGE_REPOSITORY)),
          Map.entry(
              "ImagePolicy",
              new Kind(
                  ImagePolicy.class,
                  "{\"imageRepositoryRef\":{\"name\":\"api\"},"
                      + "\"policy\":{\"semver\":{\"range\":\"^1.0.0\"}}}",
                  ImageRefusals.IMAGE_POLICY)),
          Map.entry(
              "ImageUpdateAutomation",
              new Kind(
                  ImageUpdateAutomation.class,
                  "{\"interval\":\"1m\",\"sourceRef\":{\"kind\":\"GitRepository\",\"name\":\"repo\"},"
                      + "\"git\":{\"commit\":{\"author\":{\"email\":\"bot@cairn.dev\"}}}}",
                  ImageRefusals.IMAGE_UPDATE_AUTOMATION)),
          Map.entry(
              "Provider",
              new Kind(
                  Provider.class,
                  "{\"type\":\"slack\",\"address\":\"https://hooks.example.com/x\"}",
                  NotificationRefusals.PROVIDER)),
          Map.entry(
              "Alert",
              new Kind(
                  Alert.class,
                  "{\"providerRef\":{\"name\":\"slack\"},"
                      + "\"eventSources\":[{\"kind\":\"Kustomization\",\"name\":\"*\"}]}",
                  NotificationRefusals.ALERT)),
          Map.entry(
              "Receiver",
              new Kind(
                  Receiver.class,
                  "{\"type\":\"github\",\"secretRef\":{\"name\":\"token\"},"
                      + "\"resources\":[{\"kind\":\"GitRepository\",\"name\":\"app\"}]}",
                  NotificationRefusals.RECEIVER)),
          Map.entry(
              "ApplicationSet",
              new Kind(
                  ApplicationSet.class,
                  "{\"generators\":[{\"list\":{\"elements\":[]}}],"
                      + "\"template\":{\"metadata\":{\"name\":\"a\"},\"spec\":{}}}",
                  ApplicationSetRefusals.FIELDS)),
          Map.entry("AppProject", new Kind(AppProject.class, "{}", AppProjectRefusals.FIELDS)),
          Map.entry(
              "Application",
              new Kind(
                  Application.class,
                  "{\"project\":\"default\",\"source\":{\"repoURL\":\"https://git.example.com/a.git\"},"
                      + "\"destination\":{\"server\":\"https://kubernetes.default.svc\"}}",
                  ApplicationRefusals.FIELDS)));

  private static Map<String, CrdSpecSchemas> schemas;

  static synchronized Map<String, CrdSpecSchemas> schemas() throws IOException {
    if (schemas == null) {
      schemas = read();
    }
    return schemas;
  }

  private static Map<String, CrdSpecSchemas> read() throws IOException {
    try (Stream<Path> crds = Files.list(ROOT.resolve("deploy/crds"))) {
      return crds.map(CrdSpecSchemas::read)
          .filter(schema -> KINDS.containsKey(schema.kind()))
          .collect(java.util.stream.Collectors.toMap(CrdSpecSchemas::kind, s -> s));
    }
  }

  @Test
  void everyKindWithAReconcilerIsWalked() throws IOException {
    assertThat(schemas()).containsOnlyKeys(KINDS.keySet());
  }

  @Test
  void everySchemaPathHasARowAndEveryRowAPath() throws IOException {
    Set<String> paths = new LinkedHashSet<>();
    schemas().forEach((kind, schema) -> schema.paths().forEach(p -> paths.add(kind + " " + p)));
    Set<String> rows = new LinkedHashSet<>();
    for (FieldCoverageRow row : FieldCoverageRow.read()) {
      assertThat(rows.add(row.key())).as("duplicate row %s", row.key()).isTrue();
    }
    assertThat(paths)
        .as("schema paths without a row in " + FieldCoverageRow.TABLE)
        .isSubsetOf(rows);
    assertThat(rows).as("rows whose path is not in deploy/crds").isSubsetOf(paths);
  }

  @Test
  void evidenceClassesExist() throws IOException {
    Set<String> tests = javaFiles("src/test/java");
    Set<String> main = javaFiles("src/main/java");
    for (FieldCoverageRow row : FieldCoverageRow.read()) {
      switch (row.status()) {
        case "implemented" ->
            assertThat(tests.contains(row.evidence()))
                .as("%s: test class %s", row.key(), row.evidence())
                .isTrue();
        case "untested" ->
            assertThat(main).as("%s: main class", row.key()).contains(row.evidence());
        default -> assertThat(row.evidence()).as(row.key()).contains(row.path().split("\\.")[1]);
      }
    }
  }

  static Stream<FieldCoverageRow> refusedRows() {
    return FieldCoverageRow.read().stream().filter(row -> row.status().equals("refused"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedRows")
  void aRefusedFieldStallsNamingIt(FieldCoverageRow row) throws IOException {
    Run<KustomizationStatus> run = runOf(row.kind(), row.path(), sampleOf(row));

    assertThatThrownBy(() -> Run.checkRefusedFields(run))
        .isInstanceOfSatisfying(
            ReconcileException.Stalled.class,
            stalled -> assertThat(stalled.reason()).isEqualTo(ConditionReasons.INVALID_SPEC))
        .hasMessageContaining(row.evidence());
  }

  static Stream<FieldCoverageRow> actedOnLeaves() throws IOException {
    Map<String, CrdSpecSchemas> schemas = schemas();
    List<FieldCoverageRow> rows = FieldCoverageRow.read();
    return rows.stream()
        .filter(row -> !row.status().equals("refused"))
        .filter(row -> rows.stream().noneMatch(r -> r.path().startsWith(row.path() + ".")))
        .filter(row -> schemas.containsKey(row.kind()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("actedOnLeaves")
  void aFieldActedOnIsNotRefused(FieldCoverageRow row) throws IOException {
    Run<KustomizationStatus> run = runOf(row.kind(), row.path(), sampleOf(row));

    assertThat(Run.checkRefusedFields(run)).isEqualTo(StepResult.proceed());
  }

  /** Regenerate with {@code -Dfield-coverage.write=true}. */
  @Test
  void readmeListsTheTable() throws IOException {
    Path readme = Path.of("README.md");
    String generated = FieldCoverageReadme.render(FieldCoverageRow.read());
    if (Boolean.getBoolean("field-coverage.write")) {
      String text = Files.readString(readme);
      Files.writeString(
          readme, text.substring(0, start(text)) + generated + text.substring(end(text)));
    }
    String text = Files.readString(readme);
    assertThat(text.substring(start(text), end(text))).isEqualTo(generated);
  }

  private static int start(String readme) {
    int start = readme.indexOf(FieldCoverageReadme.START);
    assertThat(start).as("README.md has the generated field-coverage section").isNotNegative();
    return start;
  }

  private static int end(String readme) {
    return readme.indexOf(FieldCoverageReadme.END) + FieldCoverageReadme.END.length();
  }

  @Test
  void minimalObjectsAreNotRefused() {
    KINDS.forEach(
        (kind, definition) ->
            assertThat(refusal(kind, parse(definition.minimalSpec()))).as(kind).isEmpty());
  }

  private JsonNode sampleOf(FieldCoverageRow row) throws IOException {
    return row.sample() != null
        ? JSON.readTree(row.sample())
        : CrdSpecSchemas.sample(schemas().get(row.kind()).schemaOf(row.path()));
  }

  /** A run of the kind's minimal object with {@code path} set, as the skeleton starts it. */
  private Run<KustomizationStatus> runOf(String kind, String path, JsonNode value)
      throws IOException {
    ObjectNode spec = parse(KINDS.get(kind).minimalSpec());
    schemas().get(kind).set(spec, path, value);
    Run<KustomizationStatus> run =
        new Run<>(
            new ResourceKey(kind, "ns", "app"),
            1,
            Trigger.WATCH,
            List.of(),
            new KustomizationStatus(),
            Clock.systemUTC());
    run.refusedField(refusal(kind, spec).orElse(null));
    return run;
  }

  /** Through the typed object, as the skeleton sees it: a field the Java model drops is lost. */
  private static Optional<String> refusal(String kind, ObjectNode spec) {
    ObjectNode object = JSON.createObjectNode();
    object.put("apiVersion", "cairn.dev/v1").put("kind", kind);
    object.putObject("metadata").put("name", "app").put("namespace", "ns");
    object.set("spec", spec);
    Kind definition = KINDS.get(kind);
    CustomResource<?, ?> typed = SERIALIZATION.convertValue(object, definition.type());
    JsonNode typedSpec = SERIALIZATION.convertValue(typed.getSpec(), JsonNode.class);
    return FieldRefusals.firstRefused(definition.refused(), typedSpec);
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  private static Set<String> javaFiles(String under) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path module : modules.map(m -> m.resolve(under)).filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.walk(module)) {
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".java"))
              .forEach(n -> names.add(n.substring(0, n.length() - 5)));
        }
      }
    }
    return names;
  }
}
