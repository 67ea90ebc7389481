package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.sim.cluster.ManagedFields.Entry;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Create (POST), update (PUT), patch (JSON, merge, strategic merge) and server-side apply, as the
 * API server does them: checks, status subresource rules, managedFields, then {@link ObjectWriter}.
 * Callers hold the write lock.
 */
final class WriteHandler {
  private final ObjectWriter writer;
  private final ObjectStore store;

  WriteHandler(ObjectWriter writer) {
    this.writer = writer;
    this.store = writer.store();
  }

  WriteResult create(ApiRequest request, ResourceType type) {
    if (request.name() != null) {
      throw new ApiException(
          405,
          "MethodNotAllowed",
          "the server does not allow this method on the requested resource");
    }
    ObjectNode object = Json.parseObject(request.body(), false);
    checkKind(type, object);
    List<String> warnings = FieldValidation.checkBody(request, type, writer, object);
    ObjectNode metadata = object.with("metadata");
    String name = metadata.path("name").asText("");
    if (name.isEmpty() && !metadata.path("generateName").asText("").isEmpty()) {
      name = metadata.get("generateName").asText() + randomSuffix();
      metadata.put("name", name);
    }
    if (name.isEmpty()) {
      throw new ApiException(
          422,
          "Invalid",
          type.qualifiedKind()
              + " \"\" is invalid: metadata.name: Required value: name or generateName is required");
    }
    String namespace = namespaceOf(request, type, metadata);
    ObjectKey key = ObjectKey.of(type, namespace, name);
    requireNamespace(type, namespace);
    if (store.get(key) != null) {
      throw ApiException.alreadyExists(type, name);
    }
    if (type.statusSubresource()) {
      object.remove("status");
    }
    metadata.remove("managedFields");
    List<Entry> entries = new ArrayList<>();
    ManagedFields.recordUpdate(null, object, type, request.fieldManager(), null, entries);
    ManagedFields.write(object, entries);
    return writer.create(type, key, object, request.isDryRun()).withWarnings(warnings);
  }

  WriteResult update(ApiRequest request, ResourceType type) {
    ObjectNode live = live(request, type);
    ObjectNode body = Json.parseObject(request.body(), false);
    checkKind(type, body);
    checkName(request, body);
    requirePreconditionForCustomResource(type, body);
    List<String> warnings = FieldValidation.checkBody(request, type, writer, body);
    return finishUpdate(request, type, live, body).withWarnings(warnings);
  }

  WriteResult patch(ApiRequest request, ResourceType type) {
    if (request.isApplyPatch()) {
      return apply(request, type);
    }
    ObjectNode live = live(request, type);
    String contentType = request.contentType() == null ? "" : request.contentType();
    JsonNode patched;
    if (contentType.startsWith("application/json-patch+json")) {
      try {
        patched = JsonPatch.apply(Json.parse(request.body()), live);
      } catch (JsonPatchException e) {
        throw new ApiException(
            422, "Invalid", "the JSON patch could not be applied: " + e.getMessage());
      }
    } else if (contentType.startsWith("application/merge-patch+json")) {
      patched = ObjectMerge.jsonMergePatch(live, Json.parse(request.body()));
    } else if (contentType.startsWith("application/strategic-merge-patch+json") && !type.custom()) {
      ObjectNode copy = live.deepCopy();
      new ObjectMerge(type).structural(copy, Json.parseObject(request.body(), false), true);
      patched = copy;
    } else {
      throw ApiException.unsupportedMediaType(contentType);
    }
    if (!patched.isObject()) {
      throw ApiException.badRequest("the patch did not produce an object");
    }
    checkName(request, patched);
    List<String> warnings =
        FieldValidation.checkPatched(request, type, writer, (ObjectNode) patched);
    return finishUpdate(request, type, live, (ObjectNode) patched).withWarnings(warnings);
  }

  private WriteResult finishUpdate(
      ApiRequest request, ResourceType type, ObjectNode live, ObjectNode candidate) {
    checkResourceVersion(type, live, candidate);
    boolean statusWrite = request.isStatusSubresource();
    ObjectNode next;
    if (statusWrite) {
      next = live.deepCopy();
      setOrRemove(next, "status", candidate.get("status"));
    } else {
      next = candidate;
      if (type.statusSubresource()) {
        setOrRemove(next, "status", live.get("status"));
      }
    }
    next.with("metadata")
        .set("managedFields", live.path("metadata").path("managedFields").deepCopy());
    if (next.path("metadata").path("managedFields").isMissingNode()) {
      next.with("metadata").remove("managedFields");
    }
    List<Entry> entries = ManagedFields.read(live);
    ManagedFields.recordUpdate(
        live, next, type, request.fieldManager(), statusWrite ? "status" : null, entries);
    ManagedFields.write(next, entries);
    return writer.update(type, keyOf(request, type), live, next, statusWrite, request.isDryRun());
  }

  private WriteResult apply(ApiRequest request, ResourceType type) {
    String manager = request.query().get("fieldManager");
    if (manager == null || manager.isEmpty()) {
      throw new ApiException(
          422,
          "Invalid",
          "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for"
              + " apply patch");
    }
    ObjectNode applied = Json.parseObject(request.body(), true);
    checkKind(type, applied);
    checkName(request, applied);
    checkDeclared(request, type, applied);
    String inBody = applied.path("metadata").path("namespace").asText("");
    if (type.namespaced() && !inBody.isEmpty() && !inBody.equals(request.namespace())) {
      throw ApiException.badRequest(
          "the namespace of the provided object does not match the namespace sent on the request");
    }
    String subresource = request.isStatusSubresource() ? "status" : null;
    ServerSideApply ssa = new ServerSideApply(type);
    ObjectKey key = keyOf(request, type);
    ObjectStore.Stored stored = store.get(key);
    if (stored == null) {
      if (subresource != null) {
        throw ApiException.notFound(type, request.name());
      }
      requireNamespace(type, key.namespace());
      ObjectNode skeleton = Json.MAPPER.createObjectNode();
      skeleton.put("apiVersion", type.apiVersion()).put("kind", type.kind());
      ObjectNode metadata = skeleton.putObject("metadata").put("name", key.name());
      if (type.namespaced()) {
        metadata.put("namespace", key.namespace());
      }
      ObjectNode created = ssa.apply(skeleton, applied, manager, request.force(), null);
      return writer.create(type, key, created, request.isDryRun());
    }
    ObjectNode live = stored.object();
    checkResourceVersion(type, live, applied);
    ObjectNode next = ssa.apply(live, applied, manager, request.force(), subresource);
    return writer.update(type, key, live, next, subresource != null, request.isDryRun());
  }

  /**
   * Refuses an applied configuration with fields its kind does not declare, whatever {@code
   * fieldValidation} says: kube-apiserver's field manager cannot type such a patch
   * (structured-merge-diff answers "field not declared in schema") and the error reaches the client
   * as a plain 500.
   */
  private void checkDeclared(ApiRequest request, ResourceType type, ObjectNode applied) {
    List<String> undeclared = writer.undeclaredFields(type, applied);
    if (undeclared.isEmpty()) {
      return;
    }
    List<String> errors =
        undeclared.stream().map(path -> path + ": field not declared in schema").toList();
    String detail =
        errors.size() == 1 ? errors.get(0) : "errors:\n  " + String.join("\n  ", errors);
    String namespace = type.namespaced() ? request.namespace() : "";
    throw new ApiException(
        500,
        "",
        "failed to create typed patch object ("
            + namespace
            + "/"
            + request.name()
            + "; "
            + type.group()
            + "/"
            + type.version()
            + ", Kind="
            + type.kind()
            + "): "
            + detail);
  }

  private ObjectNode live(ApiRequest request, ResourceType type) {
    if (request.subresource() != null
        && !(request.isStatusSubresource() && type.statusSubresource())) {
      throw ApiException.noSuchResource();
    }
    ObjectStore.Stored stored = store.get(keyOf(request, type));
    if (stored == null) {
      throw ApiException.notFound(type, request.name());
    }
    return stored.object();
  }

  static ObjectKey keyOf(ApiRequest request, ResourceType type) {
    return ObjectKey.of(type, request.namespace(), request.name());
  }

  /** 404 while the namespace does not exist, 403 while it is being deleted. */
  void requireNamespace(ResourceType type, String namespace) {
    if (!type.namespaced()) {
      return;
    }
    ObjectStore.Stored ns = store.get(new ObjectKey("", "namespaces", "", namespace));
    if (ns == null) {
      throw ApiException.namespaceNotFound(namespace);
    }
    if (ns.object().path("metadata").hasNonNull("deletionTimestamp")) {
      throw new ApiException(
          403,
          "Forbidden",
          type.qualifiedPlural()
              + " is forbidden: unable to create new content in namespace "
              + namespace
              + " because it is being terminated");
    }
  }

  private static String namespaceOf(ApiRequest request, ResourceType type, ObjectNode metadata) {
    if (!type.namespaced()) {
      metadata.remove("namespace");
      return "";
    }
    String inBody = metadata.path("namespace").asText("");
    if (!inBody.isEmpty() && !inBody.equals(request.namespace())) {
      throw ApiException.badRequest(
          "the namespace of the provided object does not match the namespace sent on the request");
    }
    if (request.namespace() == null) {
      throw ApiException.noSuchResource();
    }
    metadata.put("namespace", request.namespace());
    return request.namespace();
  }

  private static void checkKind(ResourceType type, JsonNode object) {
    String apiVersion = object.path("apiVersion").asText("");
    String kind = object.path("kind").asText("");
    if (kind.isEmpty()) {
      throw ApiException.badRequest("Object 'Kind' is missing in the request body");
    }
    if (!apiVersion.equals(type.apiVersion()) || !kind.equals(type.kind())) {
      throw ApiException.badRequest(
          "the API version in the data ("
              + apiVersion
              + ") and kind ("
              + kind
              + ") do not match the expected "
              + type.apiVersion()
              + " "
              + type.kind());
    }
  }

  private static void checkName(ApiRequest request, JsonNode object) {
    String name = object.path("metadata").path("name").asText("");
    if (!name.equals(request.name())) {
      throw ApiException.badRequest(
          "the name of the object ("
              + name
              + ") does not match the name on the URL ("
              + request.name()
              + ")");
    }
  }

  private static void checkResourceVersion(ResourceType type, JsonNode live, JsonNode candidate) {
    String wanted = candidate.path("metadata").path("resourceVersion").asText("");
    if (!wanted.isEmpty()
        && !wanted.equals(live.path("metadata").path("resourceVersion").asText())) {
      throw ApiException.modified(type, live.path("metadata").path("name").asText());
    }
  }

  /**
   * Custom resources refuse an update without a resourceVersion: their strategy's {@code
   * AllowUnconditionalUpdate} is false (apiextensions-apiserver {@code
   * pkg/registry/customresource/strategy.go}), and the generic store then answers 422 ({@code
   * Update} in staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go).
   */
  private static void requirePreconditionForCustomResource(ResourceType type, JsonNode body) {
    if (type.custom() && body.path("metadata").path("resourceVersion").asText("").isEmpty()) {
      String name = body.path("metadata").path("name").asText();
      String message =
          "metadata.resourceVersion: Invalid value: 0x0: must be specified for an update";
      throw new ApiException(
          422,
          "Invalid",
          type.qualifiedKind() + " \"" + name + "\" is invalid: " + message,
          List.of(
              new ApiException.Cause("FieldValueInvalid", message, "metadata.resourceVersion")));
    }
  }

  private static void setOrRemove(ObjectNode object, String field, JsonNode value) {
    if (value == null || value.isMissingNode()) {
      object.remove(field);
    } else {
      object.set(field, value.deepCopy());
    }
  }

  private static String randomSuffix() {
    String alphabet = "bcdfghjklmnpqrstvwxz2456789";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      sb.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
