package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.sim.cluster.ManagedFields.Entry;
import io.fabric8.zjsonpatch.JsonPatch;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The {@code scale} subresource of Deployments, StatefulSets, ReplicaSets and
 * ReplicationControllers: an {@code autoscaling/v1 Scale} view whose writes change only {@code
 * spec.replicas} (recorded as an Update on subresource {@code scale}). Callers hold the lock.
 */
final class ScaleSubresource {
  private static final Set<String> SCALABLE =
      Set.of(
          "apps/deployments", "apps/statefulsets", "apps/replicasets", "/replicationcontrollers");

  private final ObjectWriter writer;

  ScaleSubresource(ObjectWriter writer) {
    this.writer = writer;
  }

  static boolean handles(ApiRequest request, ResourceType type) {
    return "scale".equals(request.subresource())
        && SCALABLE.contains(type.group() + "/" + type.plural());
  }

  WriteResult get(ApiRequest request, ResourceType type) {
    return new WriteResult(200, scaleOf(live(request, type)));
  }

  WriteResult write(ApiRequest request, ResourceType type) {
    ObjectNode live = live(request, type);
    ObjectNode scale = scaleOf(live);
    JsonNode wanted;
    String contentType = request.contentType() == null ? "" : request.contentType();
    if (request.method().equals("PUT")) {
      wanted = Json.parseObject(request.body(), false);
    } else if (contentType.startsWith("application/json-patch+json")) {
      wanted = JsonPatch.apply(Json.parse(request.body()), scale);
    } else if (contentType.startsWith("application/merge-patch+json")
        || contentType.startsWith("application/strategic-merge-patch+json")) {
      wanted = ObjectMerge.jsonMergePatch(scale, Json.parse(request.body()));
    } else {
      throw ApiException.unsupportedMediaType(contentType);
    }
    String version = wanted.path("metadata").path("resourceVersion").asText("");
    if (!version.isEmpty()
        && !version.equals(live.path("metadata").path("resourceVersion").asText())) {
      throw ApiException.modified(type, request.name());
    }
    JsonNode replicas = wanted.path("spec").path("replicas");
    if (!replicas.isIntegralNumber() || replicas.asInt() < 0) {
      throw new ApiException(
          422,
          "Invalid",
          "Scale.autoscaling \""
              + request.name()
              + "\" is invalid: spec.replicas: Invalid value: "
              + replicas
              + ": must be greater than or equal to 0");
    }
    ObjectNode next = live.deepCopy();
    next.with("spec").put("replicas", replicas.asInt());
    List<Entry> entries = ManagedFields.read(live);
    ManagedFields.recordUpdate(live, next, type, request.fieldManager(), "scale", entries);
    ManagedFields.write(next, entries);
    WriteResult result =
        writer.update(
            type, WriteHandler.keyOf(request, type), live, next, false, request.isDryRun());
    return new WriteResult(200, scaleOf((ObjectNode) result.body()));
  }

  private ObjectNode live(ApiRequest request, ResourceType type) {
    ObjectStore.Stored stored = writer.store().get(WriteHandler.keyOf(request, type));
    if (stored == null) {
      throw ApiException.notFound(type, request.name());
    }
    return stored.object();
  }

  private static ObjectNode scaleOf(ObjectNode object) {
    ObjectNode scale = Json.MAPPER.createObjectNode();
    scale.put("kind", "Scale").put("apiVersion", "autoscaling/v1");
    ObjectNode metadata = scale.putObject("metadata");
    JsonNode source = object.path("metadata");
    for (String field :
        List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
      if (source.has(field)) {
        metadata.set(field, source.get(field));
      }
    }
    scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(1));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", object.path("status").path("replicas").asInt(0));
    StringJoiner selector = new StringJoiner(",");
    object
        .path("spec")
        .path("selector")
        .path("matchLabels")
        .fields()
        .forEachRemaining(e -> selector.add(e.getKey() + "=" + e.getValue().asText()));
    if (selector.length() > 0) {
      status.put("selector", selector.toString());
    }
    return scale;
  }
}
