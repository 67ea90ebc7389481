package dev.cairn.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectSelectorTest {
  static final ResourceType CONFIG_MAPS = new ResourceTypes().find("", "v1", "configmaps").get();
  static final ResourceType NAMESPACES = new ResourceTypes().find("", "v1", "namespaces").get();

  static ObjectNode configMap(String namespace, String name) {
    ObjectNode object = Json.MAPPER.createObjectNode().put("apiVersion", "v1");
    object.putObject("metadata").put("name", name).put("namespace", namespace);
    ((ObjectNode) object.get("metadata")).putObject("labels").put("app", "web").put("tier", "");
    return object;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v1/namespaces/ns/configmaps | true",
        "/api/v1/namespaces/other/configmaps | false",
        "/api/v1/configmaps | true",
        "/apis/example.com/v2/configmaps | false",
        "/api/v1/configmaps?labelSelector=app%3Dweb | true",
        "/api/v1/configmaps?labelSelector=app%3D%3Dweb | true",
        "/api/v1/configmaps?labelSelector=app%3Ddb | false",
        "/api/v1/configmaps?labelSelector=app!%3Ddb | true",
        "/api/v1/configmaps?labelSelector=app!%3Dweb | false",
        "/api/v1/configmaps?labelSelector=tier | true",
        "/api/v1/configmaps?labelSelector=!tier | false",
        "/api/v1/configmaps?labelSelector=!missing | true",
        "/api/v1/configmaps?labelSelector=missing | false",
        "/api/v1/configmaps?labelSelector=app%3Dweb,missing | false",
        "/api/v1/configmaps?labelSelector=app%20in%20(db) | false",
        "/api/v1/configmaps?labelSelector=app%20in%20(db,web) | true",
        "/api/v1/configmaps?labelSelector=app%20in%20(db,%20web),tier | true",
        "/api/v1/configmaps?labelSelector=app%20notin%20(web) | false",
        "/api/v1/configmaps?labelSelector=app%20notin%20(db) | true",
        "/api/v1/configmaps?labelSelector=missing%20notin%20(x) | true",
        "/api/v1/configmaps?labelSelector=missing%20in%20(x) | false",
        "/api/v1/configmaps?fieldSelector=metadata.name%3Dcm | true",
        "/api/v1/configmaps?fieldSelector=metadata.name%3Dother | false",
        "/api/v1/configmaps?fieldSelector=metadata.namespace!%3Dns | false",
        "/api/v1/configmaps?fieldSelector=data.x%3Dy | true",
        "/api/v1/configmaps?fieldSelector=a%3Db | true",
        "/api/v1/namespaces/ns/configmaps/cm?watch=true | true",
        "/api/v1/namespaces/ns/configmaps/other?watch=true | false",
      })
  void selectsAsKubeApiserverDoes(String path, boolean selected) {
    ApiRequest request = ApiRequest.parse("GET", path, header -> null, "");

    ObjectSelector selector = ObjectSelector.of(request, CONFIG_MAPS);
    boolean matches = selector.matches(configMap("ns", "cm"));

    assertThat(matches).isEqualTo(selected);
    // the watch history keeps only what a selector reads, and must select the same
    assertThat(selector.matches(WatchHub.selectable(configMap("ns", "cm")))).isEqualTo(selected);
  }

  @ParameterizedTest
  @CsvSource({
    "/api/v1/namespaces, true",
    "/api/v1/namespaces?fieldSelector=metadata.name%3Dx, false"
  })
  void clusterScopedObjectsIgnoreTheNamespace(String path, boolean selected) {
    ObjectNode namespace = Json.MAPPER.createObjectNode().put("apiVersion", "v1");
    namespace.putObject("metadata").put("name", "ns");
    ApiRequest request = ApiRequest.parse("GET", path, header -> null, "");

    assertThat(ObjectSelector.of(request, NAMESPACES).matches(namespace)).isEqualTo(selected);
  }
}
