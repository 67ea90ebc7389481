package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The dispatcher of the simulated API server: every request, parsed, goes through here. Writes
 * (create, update, patch, apply, delete), reads and lists go through {@link ObjectStore}'s indexes,
 * watches through {@link WatchHub}, and discovery through {@link Discovery}. Writes hold the write
 * lock, reads and the opening of a watch the read lock, so a watch never sees a half-applied
 * change.
 */
final class SimulatedApiDispatcher {
  static final List<String> INITIAL_NAMESPACES =
      List.of("default", "kube-system", "kube-public", "kube-node-lease");

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final ResourceTypes types = new ResourceTypes();
  private final WatchHub watches;
  private final ObjectStore store;
  private final ObjectWriter writer;
  private final WriteHandler writes;
  private final DeleteHandler deletes;
  private final ScaleSubresource scale;
  private final Discovery discovery;
  private final OpenApiV3 openApi;
  private final TableOutput tables = new TableOutput(types);
  private final RbacAuthorizer rbac;
  private final AccessReview accessReviews;
  private final RequestCounter requests = new RequestCounter();
  private final Faults faults = new Faults();
  private final AtomicLong resourceVersion = new AtomicLong();
  private final AtomicLong lastResourceVersion = new AtomicLong();
  private final List<HeldWrite> holds = new java.util.concurrent.CopyOnWriteArrayList<>();

  SimulatedApiDispatcher(ObjectValidator validator, ScheduledExecutorService controllers) {
    this.watches = new WatchHub(this::nextResourceVersion);
    this.store = new ObjectStore(watches);
    this.writer = new ObjectWriter(store, this::nextResourceVersion, validator);
    this.writes = new WriteHandler(writer);
    this.deletes = new DeleteHandler(writer);
    this.scale = new ScaleSubresource(writer);
    this.discovery = new Discovery(types);
    this.openApi = new OpenApiV3(types);
    this.rbac = new RbacAuthorizer(store);
    this.accessReviews = new AccessReview(rbac, lock);
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
    long next = resourceVersion.incrementAndGet();
    lastResourceVersion.set(next);
    return next;
  }

  RequestCounter requests() {
    return requests;
  }

  Faults faults() {
    return faults;
  }

  /**
   * The fault an injected rule answers this request with, if any; such a request is counted here,
   * since it never reaches {@link #dispatch}.
   */
  java.util.Optional<FaultAnswer> fault(ApiRequest request, String impersonatedUser) {
    if (faults.isEmpty()) {
      return java.util.Optional.empty();
    }
    java.util.Optional<FaultAnswer> answer =
        faults.faultFor(FaultRequest.of(request, impersonatedUser)).map(FaultAnswer::of);
    answer.ifPresent(a -> requests.record(request, impersonatedUser));
    return answer;
  }

  /**
   * Ends every watch and forgets the watch history, as an API server that restarted: the objects
   * and the resourceVersion counter stay (they live in etcd), the watch cache starts empty at the
   * current resourceVersion.
   */
  void forgetWatches() {
    underWriteLock(
        () -> {
          watches.forget(lastResourceVersion.get());
          return null;
        });
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

  DeleteHandler deletes() {
    return deletes;
  }

  ReadWriteLock lock() {
    return lock;
  }

  /**
   * Answers one request.
   *
   * @param impersonatedUser the request's {@code Impersonate-User} header, or null (only counted)
   */
  ApiResponse dispatch(ApiRequest request, String impersonatedUser) {
    return dispatch(request, impersonatedUser, List.of());
  }

  /**
   * Answers one request, authorized by RBAC when it impersonates someone.
   *
   * @param impersonatedGroups the request's {@code Impersonate-Group} headers
   */
  ApiResponse dispatch(
      ApiRequest request, String impersonatedUser, List<String> impersonatedGroups) {
    ResourceType type = null;
    try {
      requests.record(request, impersonatedUser);
      if (!request.isResourceRequest()) {
        return discovery(request);
      }
      type = resolve(request);
      RequestIdentity who = RequestIdentity.of(impersonatedUser, impersonatedGroups);
      if (AccessReview.handles(type)) {
        return json(201, accessReviews.review(who, request));
      }
      authorize(who, request, type);
      holdIfAsked(request, type);
      return route(request, type);
    } catch (ApiException e) {
      return json(e.code(), e.toStatus(type, request.name()));
    } catch (RuntimeException e) {
      // a bug in the simulation must surface as an error response, never as a hung request
      ApiException internal =
          new ApiException(
              500,
              "InternalError",
              "simulated API server failed on "
                  + request.method()
                  + " "
                  + request.path()
                  + ": "
                  + e);
      return json(500, internal.toStatus(type, request.name()));
    }
  }

  /** Holds the next write of one object (see {@link HeldWrite}). */
  HeldWrite holdNextWrite(String resource, String namespace, String name) {
    HeldWrite hold = new HeldWrite(resource, namespace, name);
    holds.add(hold);
    return hold;
  }

  /** Blocks a held write outside every lock, so that other requests go on meanwhile. */
  private void holdIfAsked(ApiRequest request, ResourceType type) {
    for (HeldWrite hold : holds) {
      if (hold.claims(request, type)) {
        holds.remove(hold);
        hold.hold();
        return;
      }
    }
  }

  /**
   * RBAC for impersonated requests; an apply that would create the object also needs {@code
   * create}, as kube-apiserver checks for a patch that creates.
   */
  private void authorize(RequestIdentity who, ApiRequest request, ResourceType type) {
    if (who.isAdmin()) {
      return;
    }
    String verb = RbacAuthorizer.verbOf(request);
    rbac.authorize(who, verb, request, type);
    if (verb.equals("patch") && request.isApplyPatch() && request.name() != null) {
      Lock read = lock.readLock();
      read.lock();
      boolean exists;
      try {
        exists = store.get(WriteHandler.keyOf(request, type)) != null;
      } finally {
        read.unlock();
      }
      if (!exists) {
        rbac.authorize(who, "create", request, type);
      }
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

  private ApiResponse route(ApiRequest request, ResourceType type) {
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
          return watch(request, type);
        }
        if (request.name() == null) {
          return list(request, type);
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
          return underWriteLock(() -> deleteCollection(request, type));
        }
        return respond(underWriteLock(() -> deletes.delete(request, type)));
      default:
        throw new ApiException(405, "MethodNotAllowed", request.method() + " is not allowed");
    }
  }

  private ApiResponse get(ApiRequest request, ResourceType type) {
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
      String tableVersion = TableOutput.requestedVersion(request);
      if (tableVersion != null && request.subresource() == null) {
        String rv = stored.object().path("metadata").path("resourceVersion").asText();
        return ApiResponse.table(
            tables.table(request, type, List.of(stored.object()), rv), tableVersion);
      }
      return ApiResponse.json(200, stored.json());
    } finally {
      read.unlock();
    }
  }

  /** Lists through the type (and namespace) index, then by label and field selectors. */
  private ApiResponse list(ApiRequest request, ResourceType type) {
    checkListVersion(request);
    String tableVersion = TableOutput.requestedVersion(request);
    if (tableVersion != null) {
      return listTable(request, type, tableVersion);
    }
    ObjectSelector query = ObjectSelector.of(request, type);
    StringBuilder body = new StringBuilder(4096);
    Lock read = lock.readLock();
    read.lock();
    try {
      List<ObjectKey> keys = keysOf(request, type);
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
        if (stored != null && query.matches(stored.object())) {
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
    return ApiResponse.json(200, body.toString());
  }

  /**
   * The {@code resourceVersion} / {@code resourceVersionMatch} rules of a list, as
   * staging/src/k8s.io/apimachinery/pkg/apis/meta/internalversion/validation/validation.go
   * (ValidateListOptions) and the storage layer apply them: a match needs a version, "Exact" is not
   * allowed with "0", and an exact version older than the watch history is 410 Expired. Lists are
   * always served at the current state, so an exact older version still inside the history is
   * refused rather than answered with the wrong state.
   */
  private void checkListVersion(ApiRequest request) {
    String match = request.query().get("resourceVersionMatch");
    if (match == null || match.isEmpty()) {
      return;
    }
    String version = request.query().get("resourceVersion");
    if (version == null || version.isEmpty()) {
      throw invalidList("resourceVersionMatch is forbidden unless resourceVersion is provided");
    }
    if (!match.equals("NotOlderThan") && !match.equals("Exact")) {
      throw invalidList(
          "resourceVersionMatch: Unsupported value: \""
              + match
              + "\": supported values: \"Exact\", \"NotOlderThan\"");
    }
    if (match.equals("Exact")) {
      if (version.equals("0")) {
        throw invalidList("resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\"");
      }
      long exact = WatchHub.parse(version);
      if (watches.expired(exact)) {
        throw watches.tooOld(exact);
      }
      if (exact != lastResourceVersion.get()) {
        throw new ApiException(
            400,
            "BadRequest",
            "the simulated API server lists only the current state (resourceVersion "
                + lastResourceVersion.get()
                + "), not resourceVersion "
                + version
                + " exactly");
      }
    }
  }

  private static ApiException invalidList(String message) {
    return new ApiException(422, "Invalid", "ListOptions.meta.k8s.io \"\" is invalid: " + message);
  }

  private ApiResponse listTable(ApiRequest request, ResourceType type, String tableVersion) {
    ObjectSelector query = ObjectSelector.of(request, type);
    List<JsonNode> objects = new ArrayList<>();
    Lock read = lock.readLock();
    read.lock();
    try {
      for (ObjectKey key : keysOf(request, type)) {
        ObjectStore.Stored stored = store.get(key);
        if (stored != null && query.matches(stored.object())) {
          objects.add(stored.object());
        }
      }
      String rv = Long.toString(lastResourceVersion.get());
      return ApiResponse.table(tables.table(request, type, objects, rv), tableVersion);
    } finally {
      read.unlock();
    }
  }

  private List<ObjectKey> keysOf(ApiRequest request, ResourceType type) {
    return request.namespace() == null || !type.namespaced()
        ? store.ofType(type.group(), type.plural())
        : store.ofType(type.group(), type.plural(), request.namespace());
  }

  private ApiResponse watch(ApiRequest request, ResourceType type) {
    ObjectSelector query = ObjectSelector.of(request, type);
    String namespace = type.namespaced() ? request.namespace() : null;
    Lock read = lock.readLock();
    read.lock();
    try {
      return ApiResponse.upgradeTo(
          watches.open(
              type.group() + "/" + type.plural(),
              query,
              request.query().get("resourceVersion"),
              store.objectsOf(type.group(), type.plural(), namespace)));
    } finally {
      read.unlock();
    }
  }

  private ApiResponse deleteCollection(ApiRequest request, ResourceType type) {
    ObjectSelector query = ObjectSelector.of(request, type);
    ObjectNode list = Json.MAPPER.createObjectNode();
    list.put("apiVersion", type.apiVersion()).put("kind", type.kind() + "List");
    list.putObject("metadata");
    ArrayNode items = list.putArray("items");
    for (ObjectKey key : keysOf(request, type)) {
      ObjectStore.Stored stored = store.get(key);
      if (stored != null && query.matches(stored.object())) {
        items.add(deletes.delete(type, key, request.isDryRun(), false).body());
      }
    }
    return json(200, list);
  }

  private ApiResponse discovery(ApiRequest request) {
    if ("GET".equals(request.method()) && OpenApiV3.handles(request.path())) {
      return openApi.respond(request);
    }
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

  private static ApiResponse respond(WriteResult result) {
    if (result.warnings().isEmpty()) {
      return ApiResponse.json(result.code(), result.bodyJson());
    }
    // one Warning header holding every warning, comma-separated (RFC 9110 list syntax)
    String warnings =
        result.warnings().stream()
            .map(w -> "299 - " + Json.write(TextNode.valueOf(w)))
            .collect(Collectors.joining(", "));
    return ApiResponse.json(result.code(), result.bodyJson(), Map.of("Warning", warnings));
  }

  private static ApiResponse json(int code, JsonNode body) {
    return ApiResponse.json(code, Json.write(body));
  }
}
