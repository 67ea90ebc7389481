package dev.cairn.engine.argo.appset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generators on the inputs of Argo CD's documentation, with the parameters the documentation
 * lists for them (fasttemplate, flat parameters).
 */
class GeneratorsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path repo;
  private LocalGitTrees git;
  private List<ClusterSecrets.Cluster> clusters;

  @BeforeEach
  void layout() {
    git =
        LocalGitTrees.of(
            repo,
            Map.of(
                "cluster-addons/argo-workflows/kustomization.yaml", "resources: []\n",
                "cluster-addons/prometheus-operator/Chart.yaml", "name: p\n",
                "cluster-addons/exclude-helm-guestbook/a.yaml", "a: 1\n",
                "cluster-addons/.hidden/a.yaml", "a: 1\n",
                "cluster-config/engineering/dev/config.json",
                    "{\"aws_account\": \"123456\", \"asset_id\": \"11223344\", \"cluster\": {\"owner\":"
                        + " \"cluster-admin@company.com\", \"name\": \"engineering-dev\", \"address\":"
                        + " \"https://1.2.3.4\"}}",
                "cluster-config/engineering/prod/config.json",
                    "{\"cluster\": {\"name\": \"engineering-prod\", \"address\": \"https://5.6.7.8\"},"
                        + " \"replicas\": 3, \"zones\": [\"a\", \"b\"]}",
                "envs/list.yaml", "- env: dev\n  tier: Front_End\n- env: prod\n  tier: back\n"));
    clusters =
        List.of(
            new ClusterSecrets.Cluster(
                "staging",
                "https://staging.example",
                "",
                Map.of("env", "staging"),
                Map.of("note", "s")),
            new ClusterSecrets.Cluster(
                "prod_EU", "https://prod.example", "team-a", Map.of("env", "prod"), Map.of()));
  }

  private List<Map<String, Object>> generate(String yaml) throws Exception {
    JsonNode generator = YAML.readTree(yaml);
    return new Generators(new GeneratorContext(new FastTemplate(), git, () -> clusters))
        .generate(generator, Map.of(), "spec.generators[0]")
        .params();
  }

  @Test
  void gitDirectoriesGiveArgoCdsPathParameters() throws Exception {
    List<Map<String, Object>> params =
        generate(
            """
            git:
              repoURL: https://github.com/argoproj/argo-cd.git
              revision: HEAD
              directories:
              - path: cluster-addons/*
              - path: cluster-addons/exclude-helm-guestbook
                exclude: true
            """);

    assertThat(params)
        .extracting(p -> p.get("path.basename"))
        .containsExactly("argo-workflows", "prometheus-operator");
    assertThat(params.get(0))
        .containsEntry("path", "cluster-addons/argo-workflows")
        .containsEntry("path[0]", "cluster-addons")
        .containsEntry("path[1]", "argo-workflows")
        .containsEntry("path.basenameNormalized", "argo-workflows");
    assertThat(git.requests).containsExactly("https://github.com/argoproj/argo-cd.git@HEAD");
  }

  @Test
  void excludeWinsOverIncludeWhateverTheOrder() throws Exception {
    List<Map<String, Object>> params =
        generate(
            """
            git:
              repoURL: https://example.com/r.git
              directories:
              - path: cluster-addons/[ae]*
                exclude: true
              - path: cluster-addons/*
            """);

    assertThat(params)
        .extracting(p -> p.get("path.basename"))
        .containsExactly("prometheus-operator");
  }

  @Test
  void pathParamPrefixPrefixesThePathParameters() throws Exception {
    List<Map<String, Object>> params =
        generate(
            """
            git:
              repoURL: https://example.com/r.git
              pathParamPrefix: addon
              directories: [{path: cluster-addons/argo-*}]
            """);

    assertThat(params)
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .containsEntry("addon.path", "cluster-addons/argo-workflows")
                    .containsEntry("addon.path.basename", "argo-workflows")
                    .doesNotContainKey("path"));
  }

  @Test
  void gitFilesAreFlattenedAsTheDocumentationShows() throws Exception {
    List<Map<String, Object>> params =
        generate(
            """
            git:
              repoURL: https://example.com/r.git
              files: [{path: "cluster-config/**/config.json"}]
              values: {owner: "{{cluster.owner}}"}
            """);

    assertThat(params).hasSize(2);
    assertThat(params.get(0))
        .containsEntry("aws_account", "123456")
        .containsEntry("asset_id", "11223344")
        .containsEntry("cluster.owner", "cluster-admin@company.com")
        .containsEntry("cluster.name", "engineering-dev")
        .containsEntry("cluster.address", "https://1.2.3.4")
        .containsEntry("path", "cluster-config/engineering/dev")
        .containsEntry("path.basename", "dev")
        .containsEntry("path.filename", "config.json")
        .containsEntry("path.filenameNormalized", "config.json")
        .containsEntry("path[2]", "dev")
        .containsEntry("values.owner", "cluster-admin@company.com");
    assertThat(params.get(1))
        .containsEntry("replicas", "3")
        .containsEntry("zones.0", "a")
        .containsEntry("zones.1", "b")
        .containsEntry("values.owner", "{{cluster.owner}}");
  }

  @Test
  void aYamlFileHoldingAListGivesOneSetPerItem() throws Exception {
    List<Map<String, Object>> params = generate("git: {repoURL: r, files: [{path: envs/*.yaml}]}");

    assertThat(params).extracting(p -> p.get("env")).containsExactly("dev", "prod");
  }

  @Test
  void listElementsAndElementsYaml() throws Exception {
    List<Map<String, Object>> params =
        generate(
            """
            list:
              elements:
              - {cluster: engineering-dev, url: "https://1.2.3.4", values: {size: small}}
              elementsYaml: |
                - cluster: engineering-prod
                  url: https://2.4.6.8
            """);

    assertThat(params).hasSize(2);
    assertThat(params.get(0))
        .containsEntry("cluster", "engineering-dev")
        .containsEntry("values.size", "small");
    assertThat(params.get(1)).containsEntry("url", "https://2.4.6.8");
  }

  @Test
  void clustersWithoutSelectorIncludeTheLocalCluster() throws Exception {
    List<Map<String, Object>> params = generate("clusters: {values: {revision: 'main-{{name}}'}}");

    assertThat(params)
        .extracting(p -> p.get("name"))
        .containsExactly("in-cluster", "staging", "prod_EU");
    assertThat(params.get(0)).containsEntry("server", "https://kubernetes.default.svc");
    assertThat(params.get(2))
        .containsEntry("nameNormalized", "prod-eu")
        .containsEntry("project", "team-a")
        .containsEntry("metadata.labels.env", "prod")
        .containsEntry("values.revision", "main-prod_EU");
    assertThat(params.get(1)).containsEntry("metadata.annotations.note", "s");
  }

  @Test
  void clustersSelectorKeepsMatchingSecretsOnly() throws Exception {
    List<Map<String, Object>> params =
        generate(
            "clusters: {selector: {matchExpressions: [{key: env, operator: In, values: [prod]}]}}");

    assertThat(params).extracting(p -> p.get("name")).containsExactly("prod_EU");
  }

  @Test
  void matrixRendersTheSecondGeneratorWithTheFirstsParameters() throws Exception {
    List<Map<String, Object>> params =
        generate(
            """
            matrix:
              generators:
              - git:
                  repoURL: r
                  directories: [{path: "cluster-config/engineering/*"}]
              - list:
                  elements:
                  - {target: "{{path.basename}}-a"}
                  - {target: "{{path.basename}}-b"}
            """);

    assertThat(params)
        .extracting(p -> p.get("target"))
        .containsExactly("dev-a", "dev-b", "prod-a", "prod-b");
    assertThat(params.get(3)).containsEntry("path", "cluster-config/engineering/prod");
  }

  @Test
  void nestedMatrixAndAGitGeneratorReadingAnEarlierPath() throws Exception {
    List<Map<String, Object>> params =
        generate(
            """
            matrix:
              generators:
              - list: {elements: [{env: dev}, {env: prod}]}
              - matrix:
                  generators:
                  - git: {repoURL: r, files: [{path: "cluster-config/engineering/{{env}}/config.json"}]}
                  - clusters: {selector: {matchLabels: {env: staging}}}
            """);

    assertThat(params).hasSize(2);
    assertThat(params)
        .extracting(p -> p.get("cluster.name"))
        .containsExactly("engineering-dev", "engineering-prod");
    assertThat(params).allSatisfy(p -> assertThat(p).containsEntry("name", "staging"));
  }

  @Test
  void matrixRefusesTwoValuesForOneParameter() {
    assertThatThrownBy(
            () ->
                generate(
                    "matrix: {generators: [{list: {elements: [{a: x}]}}, {list: {elements: [{a: y}]}}]}"))
        .isInstanceOf(GeneratorException.class)
        .hasMessageContaining("spec.generators[0].matrix")
        .hasMessageContaining("'a' different values ('x' and 'y')");
  }

  @Test
  void mergeOverridesTheBaseByMergeKeys() throws Exception {
    List<Map<String, Object>> params =
        generate(
            """
            merge:
              mergeKeys: [server]
              generators:
              - clusters: {values: {kafka: 'true', redis: 'false'}}
              - clusters:
                  selector: {matchLabels: {env: prod}}
                  values: {kafka: 'false'}
              - list:
                  elements:
                  - {server: "https://staging.example", values.redis: 'true'}
            """);

    assertThat(params)
        .extracting(p -> p.get("name"))
        .containsExactly("in-cluster", "staging", "prod_EU");
    assertThat(params.get(0))
        .containsEntry("values.kafka", "true")
        .containsEntry("values.redis", "false");
    assertThat(params.get(1))
        .containsEntry("values.redis", "true")
        .containsEntry("values.kafka", "true");
    assertThat(params.get(2)).containsEntry("values.kafka", "false");
  }

  @Test
  void aGeneratorSelectorFiltersItsParameterSets() throws Exception {
    List<Map<String, Object>> params =
        generate(
            """
            list: {elements: [{env: dev}, {env: prod}, {env: qa}]}
            selector: {matchExpressions: [{key: env, operator: NotIn, values: [qa]}], matchLabels: {}}
            """);

    assertThat(params).extracting(p -> p.get("env")).containsExactly("dev", "prod");
  }

  @Test
  void aSelectorOnANestedGeneratorFiltersItsSets() throws Exception {
    List<Map<String, Object>> params =
        generate(
            """
            matrix:
              generators:
              - list: {elements: [{env: dev}, {env: prod}]}
                selector: {matchLabels: {env: prod}}
              - list: {elements: [{app: a}]}
            """);

    assertThat(params).singleElement().satisfies(p -> assertThat(p).containsEntry("env", "prod"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"scmProvider", "pullRequest", "clusterDecisionResource", "plugin"})
  void generatorsCairnDoesNotRunAreRefusedByName(String type) {
    assertThatThrownBy(() -> generate(type + ": {}"))
        .isInstanceOf(GeneratorException.class)
        .hasMessage(
            "spec.generators[0]."
                + type
                + ": the "
                + type
                + " generator is not supported by Cairn yet");
  }

  @Test
  void unknownGeneratorFieldsAreNamed() {
    assertThatThrownBy(() -> generate("git: {repoURL: r, directories: [{path: a}], depth: 3}"))
        .isInstanceOf(GeneratorException.class)
        .hasMessageStartingWith("spec.generators[0].git.depth is not supported by Cairn");
  }
}
