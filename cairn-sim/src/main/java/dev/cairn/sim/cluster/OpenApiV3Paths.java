package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * The {@code paths} of one group-version's OpenAPI v3 document, laid out as kube-apiserver lays
 * them out (k8s.io/apiserver {@code endpoints/installer.go}): a collection path and an item path
 * per resource, under {@code namespaces/{namespace}} for namespaced ones, a {@code /status} path
 * where the resource has that subresource, and the all-namespaces list of a namespaced resource.
 * Every operation carries {@code x-kubernetes-action} and {@code x-kubernetes-group-version-kind};
 * the PATCH operations list the query parameters kube-apiserver takes for PATCH ({@code dryRun},
 * {@code fieldManager}, {@code fieldValidation}, {@code force}), which is what kubectl looks for
 * before it leaves field validation to the server.
 */
final class OpenApiV3Paths {
  private static final String META = "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.";

  private OpenApiV3Paths() {}

  static void add(ObjectNode paths, ResourceType type, String schemaName) {
    String prefix = "/" + OpenApiV3.groupVersionPath(type.group(), type.version()) + "/";
    String collection =
        prefix + (type.namespaced() ? "namespaces/{namespace}/" : "") + type.plural();
    Operations ops = new Operations(type, schemaName);
    if (AccessReview.handles(type)) {
      ObjectNode path = paths.putObject(collection);
      ops.pathParameters(path, false);
      path.set("post", ops.operation("create", "post", "create a " + type.kind()));
      return;
    }
    ObjectNode list = paths.putObject(collection);
    ops.pathParameters(list, false);
    list.set("get", ops.operation("list", "list", "list or watch objects of kind " + type.kind()));
    list.set("post", ops.operation("create", "post", "create a " + type.kind()));
    list.set(
        "delete",
        ops.operation(
            "deletecollection", "deletecollection", "delete collection of " + type.kind()));

    ObjectNode item = paths.putObject(collection + "/{name}");
    ops.pathParameters(item, true);
    item.set("get", ops.operation("read", "get", "read the specified " + type.kind()));
    item.set("put", ops.operation("replace", "put", "replace the specified " + type.kind()));
    item.set("patch", ops.patch("", "partially update the specified " + type.kind()));
    item.set("delete", ops.operation("delete", "delete", "delete a " + type.kind()));

    if (type.statusSubresource()) {
      ObjectNode status = paths.putObject(collection + "/{name}/status");
      ops.pathParameters(status, true);
      String what = "status of the specified " + type.kind();
      status.set("get", ops.operation("read", "get", "read " + what, "Status"));
      status.set("put", ops.operation("replace", "put", "replace " + what, "Status"));
      status.set("patch", ops.patch("Status", "partially update " + what));
    }
    if (type.namespaced()) {
      ObjectNode everywhere = paths.putObject(prefix + type.plural());
      everywhere.putArray("parameters").add(query("pretty", "If 'true', the output is indented."));
      everywhere.set(
          "get",
          ops.operation(
              "list", "list", "list or watch objects of kind " + type.kind(), "ForAllNamespaces"));
    }
  }

  private static ObjectNode query(String name, String description) {
    ObjectNode p = Json.MAPPER.createObjectNode().put("name", name).put("in", "query");
    p.put("description", description);
    p.putObject("schema").put("type", "string").put("uniqueItems", true);
    return p;
  }

  /** The operations of one resource. */
  private record Operations(ResourceType type, String schemaName) {

    void pathParameters(ObjectNode path, boolean item) {
      ArrayNode parameters = path.putArray("parameters");
      if (item) {
        parameters.add(pathParameter("name", "name of the " + type.kind()));
      }
      if (type.namespaced()) {
        parameters.add(pathParameter("namespace", "object name and auth scope, such as for teams"));
      }
      parameters.add(query("pretty", "If 'true', the output is indented."));
    }

    private static ObjectNode pathParameter(String name, String description) {
      ObjectNode p = query(name, description);
      p.put("in", "path").put("required", true);
      return p;
    }

    ObjectNode operation(String verb, String action, String description) {
      return operation(verb, action, description, "");
    }

    ObjectNode operation(String verb, String action, String description, String suffix) {
      ObjectNode op = Json.MAPPER.createObjectNode();
      op.putArray("tags").add(tag());
      op.put("description", description);
      boolean allNamespaces = suffix.equals("ForAllNamespaces");
      op.put(
          "operationId",
          verb
              + operationGroup()
              + (type.namespaced() && !allNamespaces ? "Namespaced" : "")
              + type.kind()
              + suffix);
      boolean list = action.equals("list");
      ObjectNode ok = op.putObject("responses").putObject("200").put("description", "OK");
      ok.putObject("content")
          .putObject("application/json")
          .putObject("schema")
          .put("$ref", "#/components/schemas/" + schemaName + (list ? "List" : ""));
      op.with("responses").putObject("401").put("description", "Unauthorized");
      op.put("x-kubernetes-action", action);
      gvk(op);
      return op;
    }

    ObjectNode patch(String suffix, String description) {
      ObjectNode op = operation("patch", "patch", description, suffix);
      ArrayNode parameters = op.putArray("parameters");
      parameters.add(
          query(
              "dryRun",
              "When present, indicates that modifications should not be persisted. Valid value:"
                  + " All."));
      parameters.add(
          query("fieldManager", "A name associated with the actor or entity making the change."));
      parameters.add(
          query(
              "fieldValidation",
              "How the server treats unknown and duplicate fields in the request: Ignore, Warn"
                  + " or Strict."));
      parameters.add(
          query("force", "Force is going to \"force\" Apply requests. Only for apply patches."));
      ObjectNode content = op.putObject("requestBody").put("required", true).putObject("content");
      List<String> types =
          type.custom()
              ? List.of(
                  "application/apply-patch+yaml",
                  "application/json-patch+json",
                  "application/merge-patch+json")
              : List.of(
                  "application/apply-patch+yaml",
                  "application/json-patch+json",
                  "application/merge-patch+json",
                  "application/strategic-merge-patch+json");
      types.forEach(t -> content.putObject(t).putObject("schema").put("$ref", META + "Patch"));
      return op;
    }

    private void gvk(ObjectNode op) {
      op.putObject("x-kubernetes-group-version-kind")
          .put("group", type.group())
          .put("kind", type.kind())
          .put("version", type.version());
    }

    private String tag() {
      String group = type.group().isEmpty() ? "core" : type.group().replace(".k8s.io", "");
      return group.replace('.', '_') + "_" + type.version();
    }

    /** {@code AppsV1}, {@code CoreV1}, {@code RbacAuthorizationV1}, {@code CairnDevV1}. */
    private String operationGroup() {
      String group = type.group().isEmpty() ? "core" : type.group().replace(".k8s.io", "");
      StringBuilder name = new StringBuilder();
      for (String part : (group + "." + type.version()).split("[.-]")) {
        if (!part.isEmpty()) {
          name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
      }
      return name.toString();
    }
  }
}
