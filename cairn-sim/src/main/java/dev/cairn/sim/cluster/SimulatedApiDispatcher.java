package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.Supplier;

/**
 * The dispatcher of the simulated API server. It extends fabric8's {@link KubernetesCrudDispatcher}
 * and writes through to its map (attribute keys, label and field selector matching, CRD bookkeeping
 * are fabric8's); it takes over every request: writes (create, update, patch, apply, delete), reads
 * and lists through {@link ObjectStore}'s indexes, watches through {@link WatchHub}, and discovery.
 *
 * <p>Writes take the CRUD dispatcher's own write lock (read reflectively: it is private) so that
 * watches opened by the parent never see a half-applied change.
 */
final class SimulatedApiDispatcher extends KubernetesCrudDispatcher implements ObjectStore.Backend {
  static final List<String> INITIAL_NAMESPACES =
      List.of("default", "kube-system", "kube-public", "kube-node-lease");

  private final ReadWriteLock lock;
  private final ResourceTypes types = new ResourceTypes();
  private final WatchHub watches;
  private final ObjectStore store;
  private final ObjectWriter writer;
  private final WriteHandler writes;
  private final DeleteHandler deletes;
  private final ScaleSubresource scale;
  private final Discovery discovery;
  private final RequestCounter requests = new RequestCounter();
  private final AtomicLong lastResourceVersion = new AtomicLong();
  private volatile Runnable afterRequest = () -> {};

  SimulatedApiDispatcher(ObjectValidator validator, ScheduledExecutorService controllers) {
    this.lock = parentLock();
    this.watches = new WatchHub(this::nextResourceVersion);
    this.store = new ObjectStore(this, watches);
    this.writer = new ObjectWriter(store, this::nextResourceVersion, validator);
    this.writes = new WriteHandler(writer);
    this.deletes = new DeleteHandler(writer);
    this.scale = new ScaleSubresource(writer);
    this.discovery = new Discovery(types);
    store.addListener(new Cascades(writer, types, deletes, lock, controllers));
    underWriteLock(
        () -> {
          ResourceType namespaces = types.find("", "v1", "namespaces").orElseThrow();
          for (String name : INITIAL_NAMESPACES) {
            ObjectNode ns = Json.MAPPER.createObjectNode();
            ns.put("apiVersion", "v1").put("kind", "Namespace");
            ns.putObject("metadata").put("name", name);
            writer.create(namespaces, ObjectKey.of(namespaces, "", name), ns, false);
          }
          return null;
        });
  }

  private long nextResourceVersion() {
    long next = requestResourceVersion();
    lastResourceVersion.set(next);
    return next;
  }

  private ReadWriteLock parentLock() {
    try {
      Field field = KubernetesCrudDispatcher.class.getDeclaredField("lock");
      field.setAccessible(true);
      return (ReadWriteLock) field.get(this);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "fabric8 KubernetesCrudDispatcher has no 'lock' field any more: the simulated cluster"
              + " needs updating for this kubernetes-server-mock version",
          e);
    }
  }

  RequestCounter requests() {
    return requests;
  }

  ObjectStore store() {
    return store;
  }

  ObjectWriter writer() {
    return writer;
  }

  ResourceTypes types() {
    return types;
  }

  ReadWriteLock lock() {
    return lock;
  }

  void afterEachRequest(Runnable action) {
    this.afterRequest = action;
  }

  @Override
  public MockResponse dispatch(RecordedRequest recorded) {
    ApiRequest request = null;
    ResourceType type = null;
    try {
      request = ApiRequest.parse(recorded);
      requests.record(request, recorded.getHeader("Impersonate-User"));
      if (!request.isResourceRequest()) {
        return discovery(request);
      }
      type = resolve(request);
      return route(recorded, request, type);
    } catch (ApiException e) {
      return json(e.code(), e.toStatus(type, request == null ? null : request.name()));
    } catch (RuntimeException e) {
      // a bug in the simulation must surface as an error response, never as a hung request
      ApiException internal =
          new ApiException(
              500,
              "InternalError",
              "simulated API server failed on "
                  + recorded.getMethod()
                  + " "
                  + recorded.getPath()
                  + ": "
                  + e);
      return json(500, internal.toStatus(type, request == null ? null : request.name()));
    } finally {
      afterRequest.run();
    }
  }

  private ResourceType resolve(ApiRequest request) {
    ResourceType type =
        types
            .find(request.group(), request.version(), request.plural())
            .orElseThrow(ApiException::noSuchResource);
    if (!type.namespaced() && request.namespace() != null) {
      throw ApiException.noSuchResource();
    }
    return type;
  }

  private MockResponse route(RecordedRequest recorded, ApiRequest request, ResourceType type) {
    if (ScaleSubresource.handles(request, type)) {
      if (request.method().equals("GET")) {
        return respond(underWriteLock(() -> scale.get(request, type)));
      }
      if (request.method().equals("PUT") || request.method().equals("PATCH")) {
        return respond(underWriteLock(() -> scale.write(request, type)));
      }
      throw new ApiException(
          405, "MethodNotAllowed", request.method() + " is not allowed on scale");
    }
    switch (request.method()) {
      case "GET":
        if (request.isWatch()) {
          return watch(recorded, request, type);
        }
        if (request.name() == null) {
          return list(recorded, request, type);
        }
        return get(request, type);
      case "POST":
        return respond(underWriteLock(() -> writes.create(request, type)));
      case "PUT":
        return respond(underWriteLock(() -> writes.update(request, type)));
      case "PATCH":
        return respond(underWriteLock(() -> writes.patch(request, type)));
      case "DELETE":
        if (request.name() == null) {
          return underWriteLock(() -> deleteCollection(recorded, request, type));
        }
        return respond(underWriteLock(() -> deletes.delete(request, type)));
      default:
        throw new ApiException(405, "MethodNotAllowed", request.method() + " is not allowed");
    }
  }

  private MockResponse get(ApiRequest request, ResourceType type) {
    if (request.subresource() != null
        && !(request.isStatusSubresource() && type.statusSubresource())) {
      throw ApiException.noSuchResource();
    }
    if (type.namespaced() && request.namespace() == null) {
      throw ApiException.noSuchResource();
    }
    Lock read = lock.readLock();
    read.lock();
    try {
      ObjectStore.Stored stored = store.get(WriteHandler.keyOf(request, type));
      if (stored == null) {
        throw ApiException.notFound(type, request.name());
      }
      return new MockResponse()
          .setResponseCode(200)
          .setHeader("Content-Type", "application/json")
          .setBody(stored.json());
    } finally {
      read.unlock();
    }
  }

  /**
   * Lists through the type (and namespace) index, with fabric8's label and field selector matching;
   * the parent would scan the whole store.
   */
  private MockResponse list(RecordedRequest recorded, ApiRequest request, ResourceType type) {
    AttributeSet query = attributeExtractor.fromPath(recorded.getPath());
    StringBuilder body = new StringBuilder(4096);
    Lock read = lock.readLock();
    read.lock();
    try {
      List<ObjectKey> keys =
          request.namespace() == null || !type.namespaced()
              ? store.ofType(type.group(), type.plural())
              : store.ofType(type.group(), type.plural(), request.namespace());
      body.append("{\"apiVersion\":\"")
          .append(type.apiVersion())
          .append("\",\"kind\":\"")
          .append(type.kind())
          .append("List\",\"metadata\":{\"resourceVersion\":\"")
          .append(lastResourceVersion.get())
          .append("\"},\"items\":[");
      boolean first = true;
      for (ObjectKey key : keys) {
        ObjectStore.Stored stored = store.get(key);
        if (stored != null && stored.attributes().matches(query)) {
          if (!first) {
            body.append(',');
          }
          body.append(stored.json());
          first = false;
        }
      }
      body.append("]}");
    } finally {
      read.unlock();
    }
    return new MockResponse()
        .setResponseCode(200)
        .setHeader("Content-Type", "application/json")
        .setBody(body.toString());
  }

  private MockResponse watch(RecordedRequest recorded, ApiRequest request, ResourceType type) {
    AttributeSet query = attributeExtractor.fromPath(recorded.getPath());
    if (request.name() != null) {
      query = query.add(new Attribute(KubernetesAttributesExtractor.NAME, request.name()));
    }
    String namespace = type.namespaced() ? request.namespace() : null;
    Lock read = lock.readLock();
    read.lock();
    try {
      return new MockResponse()
          .withWebSocketUpgrade(
              watches.open(
                  type.group() + "/" + type.plural(),
                  query,
                  request.query().get("resourceVersion"),
                  store.objectsOf(type.group(), type.plural(), namespace)));
    } finally {
      read.unlock();
    }
  }

  private MockResponse deleteCollection(
      RecordedRequest recorded, ApiRequest request, ResourceType type) {
    AttributeSet query = attributeExtractor.fromPath(recorded.getPath());
    ObjectNode list = Json.MAPPER.createObjectNode();
    list.put("apiVersion", type.apiVersion()).put("kind", type.kind() + "List");
    list.putObject("metadata");
    ArrayNode items = list.putArray("items");
    for (ObjectKey key : store.ofType(type.group(), type.plural())) {
      ObjectStore.Stored stored = store.get(key);
      boolean inNamespace =
          request.namespace() == null || request.namespace().equals(key.namespace());
      if (stored != null && inNamespace && stored.attributes().matches(query)) {
        items.add(deletes.delete(type, key, request.isDryRun(), false).body());
      }
    }
    return json(200, list);
  }

  private MockResponse discovery(ApiRequest request) {
    ObjectNode body = "GET".equals(request.method()) ? discovery.respond(request.path()) : null;
    if (body == null) {
      throw ApiException.noSuchResource();
    }
    return json(200, body);
  }

  private <T> T underWriteLock(Supplier<T> action) {
    Lock write = lock.writeLock();
    write.lock();
    try {
      return action.get();
    } finally {
      write.unlock();
    }
  }

  private static MockResponse respond(WriteResult result) {
    return json(result.code(), result.body());
  }

  private static MockResponse json(int code, JsonNode body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(Json.write(body));
  }

  @Override
  public void persist(
      String path,
      AttributeSet pathAttributes,
      AttributeSet oldKey,
      GenericKubernetesResource resource,
      String json) {
    processEvent(path, pathAttributes, oldKey, resource, json);
  }

  @Override
  public AttributeSet keyFor(GenericKubernetesResource resource, AttributeSet pathAttributes) {
    AttributeSet key = ((KubernetesAttributesExtractor) attributeExtractor).extract(resource);
    if (!key.containsKey(KubernetesAttributesExtractor.PLURAL)) {
      key = AttributeSet.merge(pathAttributes, key);
    }
    return key;
  }
}
