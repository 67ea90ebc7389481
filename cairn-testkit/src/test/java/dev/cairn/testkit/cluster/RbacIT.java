package dev.cairn.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * RBAC for impersonated users and service accounts: what their Roles and ClusterRoles, through
 * RoleBindings and ClusterRoleBindings, allow; 403 Forbidden with kube-apiserver's message
 * otherwise; a SelfSubjectAccessReview answers as those rules decide. The admin identity of the
 * tests is not restricted.
 */
@ExtendWith(ClusterExtension.class)
class RbacIT {
  private KubernetesClient admin;
  private String tenantA;
  private String tenantB;

  @BeforeEach
  void tenants(TestCluster cluster) {
    admin = cluster.client();
    tenantA = cluster.createNamespace("tenant-a");
    tenantB = cluster.createNamespace("tenant-b");
  }

  @Test
  void aServiceAccountMayDoWhatItsRoleAllowsInItsNamespaceOnly() {
    grant(
        tenantA,
        "deployer",
        "ServiceAccount",
        "deployer",
        "configmaps",
        "get",
        "list",
        "create",
        "patch");
    String user = "system:serviceaccount:" + tenantA + ":deployer";
    try (KubernetesClient deployer = as(user)) {
      deployer
          .configMaps()
          .inNamespace(tenantA)
          .resource(cm("a"))
          .fieldManager("t")
          .serverSideApply();

      assertThat(deployer.configMaps().inNamespace(tenantA).withName("a").get()).isNotNull();
      assertThat(deployer.configMaps().inNamespace(tenantA).list().getItems()).hasSize(1);
      KubernetesClientException elsewhere =
          forbidden(
              () ->
                  deployer
                      .configMaps()
                      .inNamespace(tenantB)
                      .resource(cm("a"))
                      .fieldManager("t")
                      .serverSideApply());
      assertThat(elsewhere.getStatus().getMessage())
          .isEqualTo(
              "configmaps \"a\" is forbidden: User \""
                  + user
                  + "\" cannot patch resource \"configmaps\" in API group \"\" in the namespace \""
                  + tenantB
                  + "\"");
      assertThat(elsewhere.getStatus().getReason()).isEqualTo("Forbidden");
      KubernetesClientException secrets =
          forbidden(() -> deployer.secrets().inNamespace(tenantA).list());
      assertThat(secrets.getStatus().getMessage())
          .isEqualTo(
              "secrets is forbidden: User \""
                  + user
                  + "\" cannot list resource \"secrets\" in API group \"\" in the namespace \""
                  + tenantA
                  + "\"");
      KubernetesClientException delete =
          forbidden(() -> deployer.configMaps().inNamespace(tenantA).withName("a").delete());
      assertThat(delete.getStatus().getMessage()).contains("cannot delete resource");
    }
  }

  @Test
  void aTenantCannotReachAnotherTenantsNamespace() {
    grant(tenantA, "alice-admin", "User", "alice", "*", "*");
    grant(tenantB, "bob-admin", "User", "bob", "*", "*");
    admin.configMaps().inNamespace(tenantB).resource(cm("b-secret-plan")).create();

    try (KubernetesClient alice = as("alice")) {
      alice.configMaps().inNamespace(tenantA).resource(cm("mine")).create();

      KubernetesClientException read =
          forbidden(() -> alice.configMaps().inNamespace(tenantB).withName("b-secret-plan").get());
      assertThat(read.getStatus().getMessage())
          .isEqualTo(
              "configmaps \"b-secret-plan\" is forbidden: User \"alice\" cannot get resource"
                  + " \"configmaps\" in API group \"\" in the namespace \""
                  + tenantB
                  + "\"");
      KubernetesClientException clusterWide =
          forbidden(() -> alice.configMaps().inAnyNamespace().list());
      assertThat(clusterWide.getStatus().getMessage())
          .endsWith("cannot list resource \"configmaps\" in API group \"\" at the cluster scope");
      forbidden(() -> alice.namespaces().withName(tenantB).get());
    }
    assertThat(admin.configMaps().inNamespace(tenantA).withName("mine").get()).isNotNull();
  }

  @Test
  void applyThatCreatesAlsoNeedsCreateAndResourceNamesNarrowARule() {
    grant(tenantA, "patcher", "User", "carol", "configmaps", "patch", "get");
    admin.configMaps().inNamespace(tenantA).resource(cm("existing")).create();
    admin
        .rbac()
        .roles()
        .inNamespace(tenantA)
        .resource(
            new io.fabric8.kubernetes.api.model.rbac.RoleBuilder()
                .withNewMetadata()
                .withName("one-secret")
                .endMetadata()
                .addNewRule()
                .withApiGroups("")
                .withResources("secrets")
                .withResourceNames("allowed")
                .withVerbs("get")
                .endRule()
                .build())
        .create();
    bind(tenantA, "one-secret", "Role", "one-secret", "User", "carol");

    try (KubernetesClient carol = as("carol")) {
      carol
          .configMaps()
          .inNamespace(tenantA)
          .resource(cm("existing"))
          .fieldManager("c")
          .serverSideApply();
      KubernetesClientException create =
          forbidden(
              () ->
                  carol
                      .configMaps()
                      .inNamespace(tenantA)
                      .resource(cm("new"))
                      .fieldManager("c")
                      .serverSideApply());
      assertThat(create.getStatus().getMessage()).contains("cannot create resource \"configmaps\"");
      assertThat(carol.secrets().inNamespace(tenantA).withName("allowed").get()).isNull();
      forbidden(() -> carol.secrets().inNamespace(tenantA).withName("other").get());
    }
  }

  @Test
  void groupsFromImpersonateGroupAndClusterRoleBindingsCount() {
    admin
        .rbac()
        .clusterRoles()
        .resource(
            new io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder()
                .withNewMetadata()
                .withName("rbac-it-ns-reader")
                .endMetadata()
                .addNewRule()
                .withApiGroups("")
                .withResources("namespaces")
                .withVerbs("get", "list")
                .endRule()
                .build())
        .serverSideApply();
    admin
        .rbac()
        .clusterRoleBindings()
        .resource(
            new io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder()
                .withNewMetadata()
                .withName("rbac-it-ns-readers")
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "rbac-it-ns-reader")
                .addNewSubject()
                .withKind("Group")
                .withApiGroup("rbac.authorization.k8s.io")
                .withName("auditors")
                .endSubject()
                .build())
        .serverSideApply();

    Config config =
        new ConfigBuilder(admin.getConfiguration())
            .withImpersonateUsername("dave")
            .withImpersonateGroups("auditors")
            .build();
    try (KubernetesClient dave = new KubernetesClientBuilder().withConfig(config).build();
        KubernetesClient erin = as("erin")) {
      assertThat(dave.namespaces().withName(tenantB).get()).isNotNull();
      forbidden(() -> erin.namespaces().withName(tenantB).get());
      forbidden(() -> dave.configMaps().inNamespace(tenantA).list());
    }
  }

  @Test
  void aSelfSubjectAccessReviewAnswersAsTheAuthorizerDecides() {
    grant(tenantA, "reviewer", "User", "erin", "configmaps", "create");
    try (KubernetesClient erin = as("erin")) {
      assertThat(review(erin, "create", "", "configmaps", tenantA).getStatus().getAllowed())
          .isTrue();
      assertThat(review(erin, "create", "", "configmaps", tenantB).getStatus().getAllowed())
          .isFalse();
      assertThat(review(erin, "delete", "", "configmaps", tenantA).getStatus().getAllowed())
          .isFalse();
      assertThat(review(erin, "create", "apps", "deployments", tenantA).getStatus().getAllowed())
          .isFalse();
    }
    assertThat(
            review(admin, "create", "apiextensions.k8s.io", "customresourcedefinitions", null)
                .getStatus()
                .getAllowed())
        .isTrue();
  }

  private static SelfSubjectAccessReview review(
      KubernetesClient client, String verb, String group, String resource, String namespace) {
    return client
        .authorization()
        .v1()
        .selfSubjectAccessReview()
        .create(
            new SelfSubjectAccessReviewBuilder()
                .withNewSpec()
                .withNewResourceAttributes()
                .withVerb(verb)
                .withGroup(group)
                .withResource(resource)
                .withNamespace(namespace)
                .endResourceAttributes()
                .endSpec()
                .build());
  }

  private KubernetesClient as(String user) {
    Config config =
        new ConfigBuilder(admin.getConfiguration()).withImpersonateUsername(user).build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static KubernetesClientException forbidden(Runnable action) {
    KubernetesClientException[] caught = new KubernetesClientException[1];
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(403);
              caught[0] = e;
            });
    return caught[0];
  }

  private void grant(
      String ns,
      String name,
      String subjectKind,
      String subject,
      String resource,
      String... verbs) {
    admin
        .rbac()
        .roles()
        .inNamespace(ns)
        .resource(
            new io.fabric8.kubernetes.api.model.rbac.RoleBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .addNewRule()
                .withApiGroups(resource.equals("*") ? "*" : "")
                .withResources(resource)
                .withVerbs(verbs)
                .endRule()
                .build())
        .create();
    bind(ns, name, "Role", name, subjectKind, subject);
  }

  private void bind(
      String ns, String name, String roleKind, String role, String subjectKind, String subject) {
    var builder =
        new io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder()
            .withNewMetadata()
            .withName(name)
            .endMetadata()
            .withNewRoleRef("rbac.authorization.k8s.io", roleKind, role)
            .addNewSubject()
            .withKind(subjectKind)
            .withName(subject);
    if (subjectKind.equals("ServiceAccount")) {
      builder = builder.withNamespace(ns);
    } else {
      builder = builder.withApiGroup("rbac.authorization.k8s.io");
    }
    admin.rbac().roleBindings().inNamespace(ns).resource(builder.endSubject().build()).create();
  }

  private static ConfigMap cm(String name) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withData(Map.of("k", "v"))
        .build();
  }
}
