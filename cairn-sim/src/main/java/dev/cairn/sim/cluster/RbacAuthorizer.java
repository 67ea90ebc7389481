package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Role-based access control for impersonated requests, as kube-apiserver's RBAC authorizer decides
 * ({@code plugin/pkg/auth/authorizer/rbac}): a request is allowed when a RoleBinding in its
 * namespace or a ClusterRoleBinding binds a subject matching the identity to a Role or ClusterRole
 * with a rule matching the verb, API group, resource (with its subresource, {@code
 * deployments/status}) and, when the rule names some, the object's name. Verbs are the API
 * server's: get, list, watch, create, update, patch, delete, deletecollection. Rules allow only;
 * aggregation and non-resource URLs are not modelled. The admin identity is not checked.
 */
final class RbacAuthorizer {
  private final ObjectStore store;

  RbacAuthorizer(ObjectStore store) {
    this.store = store;
  }

  /** The verb kube-apiserver authorizes a request under. */
  static String verbOf(ApiRequest request) {
    switch (request.method()) {
      case "GET":
        return request.isWatch() ? "watch" : request.name() == null ? "list" : "get";
      case "POST":
        return "create";
      case "PUT":
        return "update";
      case "PATCH":
        return "patch";
      case "DELETE":
        return request.name() == null ? "deletecollection" : "delete";
      default:
        return request.method().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Throws 403 Forbidden unless {@code who} may {@code verb} what the request addresses. */
  void authorize(RequestIdentity who, String verb, ApiRequest request, ResourceType type) {
    if (who.isAdmin()) {
      return;
    }
    String resource =
        request.subresource() == null ? type.plural() : type.plural() + "/" + request.subresource();
    String namespace = type.namespaced() ? request.namespace() : null;
    if (!allows(who, verb, type.group(), resource, namespace, request.name())) {
      throw forbidden(who, verb, type, resource, namespace, request.name());
    }
  }

  /**
   * Whether {@code who} may {@code verb} {@code resource} (with its subresource, {@code
   * deployments/status}) of {@code group}, in {@code namespace} (null: cluster scope), named {@code
   * name} (null: any).
   */
  boolean allows(
      RequestIdentity who,
      String verb,
      String group,
      String resource,
      String namespace,
      String name) {
    if (who.isAdmin()) {
      return true;
    }
    for (JsonNode rule : rulesFor(who, namespace)) {
      if (allows(rule, verb, group, resource, name)) {
        return true;
      }
    }
    return false;
  }

  private List<JsonNode> rulesFor(RequestIdentity who, String namespace) {
    List<JsonNode> rules = new ArrayList<>();
    if (namespace != null) {
      for (ObjectKey key : store.ofType("rbac.authorization.k8s.io", "rolebindings", namespace)) {
        collect(who, store.get(key), namespace, rules);
      }
    }
    for (ObjectKey key : store.ofType("rbac.authorization.k8s.io", "clusterrolebindings")) {
      collect(who, store.get(key), null, rules);
    }
    return rules;
  }

  private void collect(
      RequestIdentity who, ObjectStore.Stored binding, String namespace, List<JsonNode> rules) {
    if (binding == null) {
      return;
    }
    boolean bound = false;
    for (JsonNode subject : binding.object().path("subjects")) {
      bound |= who.matches(subject, namespace);
    }
    if (!bound) {
      return;
    }
    JsonNode ref = binding.object().path("roleRef");
    String name = ref.path("name").asText();
    ObjectKey role =
        "Role".equals(ref.path("kind").asText()) && namespace != null
            ? new ObjectKey("rbac.authorization.k8s.io", "roles", namespace, name)
            : new ObjectKey("rbac.authorization.k8s.io", "clusterroles", "", name);
    ObjectStore.Stored stored = store.get(role);
    if (stored != null) {
      stored.object().path("rules").forEach(rules::add);
    }
  }

  private static boolean allows(
      JsonNode rule, String verb, String group, String resource, String name) {
    if (!contains(rule.path("verbs"), verb) || !contains(rule.path("apiGroups"), group)) {
      return false;
    }
    if (!matchesResource(rule.path("resources"), resource)) {
      return false;
    }
    JsonNode names = rule.path("resourceNames");
    return names.isEmpty() || (name != null && contains(names, name));
  }

  private static boolean matchesResource(JsonNode resources, String resource) {
    int slash = resource.indexOf('/');
    for (JsonNode r : resources) {
      String value = r.asText();
      if (value.equals("*") || value.equals(resource)) {
        return true;
      }
      if (slash > 0
          && (value.equals(resource.substring(0, slash) + "/*")
              || value.equals("*" + resource.substring(slash)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(JsonNode values, String wanted) {
    for (JsonNode value : values) {
      if (value.asText().equals("*") || value.asText().equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  /**
   * kube-apiserver's message: {@code configmaps "a" is forbidden: User "u" cannot get resource
   * "configmaps" in API group "" in the namespace "ns"}.
   */
  private static ApiException forbidden(
      RequestIdentity who,
      String verb,
      ResourceType type,
      String resource,
      String namespace,
      String name) {
    String subject = type.qualifiedPlural() + (name == null ? "" : " \"" + name + "\"");
    String where =
        namespace == null ? "at the cluster scope" : "in the namespace \"" + namespace + "\"";
    String message =
        subject
            + " is forbidden: User \""
            + who.user()
            + "\" cannot "
            + verb
            + " resource \""
            + resource
            + "\" in API group \""
            + type.group()
            + "\" "
            + where;
    return new ApiException(403, "Forbidden", message);
  }
}
