package dev.cairn.sim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiRequestTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "/api/v1/namespaces/ns/configmaps/cm, '', v1, ns, configmaps, cm, -",
        "/api/v1/namespaces/ns/configmaps, '', v1, ns, configmaps, -, -",
        "/api/v1/namespaces/ns, '', v1, -, namespaces, ns, -",
        "/api/v1/namespaces/ns/status, '', v1, -, namespaces, ns, status",
        "/apis/apps/v1/namespaces/ns/deployments/web/status?dryRun=All, apps, v1, ns, deployments, web, status",
        "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/a.b, apiextensions.k8s.io, v1, -, customresourcedefinitions, a.b, -",
        "/apis/apps/v1/deployments?watch=true, apps, v1, -, deployments, -, -",
        "//api/v1/namespaces/ns/configmaps/cm//, '', v1, ns, configmaps, cm, -"
      })
  void parsesKubernetesPaths(
      String path,
      String group,
      String version,
      String namespace,
      String plural,
      String name,
      String subresource) {
    ApiRequest request = ApiRequest.parse("GET", path, header -> null, null);

    assertThat(request.group()).isEqualTo(group);
    assertThat(request.version()).isEqualTo(version);
    assertThat(request.namespace()).isEqualTo(namespace);
    assertThat(request.plural()).isEqualTo(plural);
    assertThat(request.name()).isEqualTo(name);
    assertThat(request.subresource()).isEqualTo(subresource);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kubectl/v1.30.0 (linux/amd64) kubernetes/abc",
        "fabric8-kubernetes-client/7.0.0",
        "cairn controller",
        "plain",
        "/leading",
        " leading-space/1",
        "a//b"
      })
  void theFieldManagerFromTheUserAgentIsItsFirstToken(String userAgent) {
    ApiRequest request =
        ApiRequest.parse(
            "PATCH",
            "/api/v1/namespaces/ns/configmaps/cm",
            header -> header.equals("User-Agent") ? userAgent : null,
            "{}");
    String first = userAgent.split("[/ ]")[0];

    assertThat(request.fieldManager()).isEqualTo(first.isEmpty() ? "unknown" : first);
  }
}
