package dev.cairn.sim.cluster;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the resource requests the simulated cluster received, by verb and by resource ({@code
 * configmaps}, {@code deployments.apps}, {@code deployments.apps/status}), so tests and benchmarks
 * can assert, say, that a steady state makes no writes. Discovery and {@code /version} requests are
 * not counted; neither are the server's own writes (readiness, garbage collection).
 */
public final class RequestCounter {

  /** Kubernetes request verbs, as the audit log names them. */
  public enum Verb {
    GET,
    LIST,
    WATCH,
    CREATE,
    UPDATE,
    PATCH,
    APPLY,
    DELETE
  }

  private static final Set<Verb> WRITES =
      EnumSet.of(Verb.CREATE, Verb.UPDATE, Verb.PATCH, Verb.APPLY, Verb.DELETE);

  private final Map<Verb, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();
  private final Map<String, Map<String, LongAdder>> byImpersonatedUser = new ConcurrentHashMap<>();

  RequestCounter() {}

  void record(ApiRequest request) {
    record(request, null);
  }

  /**
   * @param impersonatedUser the request's {@code Impersonate-User} header, or null; the simulated
   *     cluster does not authorize, it only records whom the client claimed to act as
   */
  void record(ApiRequest request, String impersonatedUser) {
    if (!request.isResourceRequest()) {
      return;
    }
    Verb verb = verbOf(request);
    if (verb == null) {
      return;
    }
    String resource = resourceOf(request);
    counts
        .computeIfAbsent(verb, v -> new ConcurrentHashMap<>())
        .computeIfAbsent(resource, r -> new LongAdder())
        .increment();
    if (impersonatedUser != null && !impersonatedUser.isBlank()) {
      byImpersonatedUser
          .computeIfAbsent(impersonatedUser, u -> new ConcurrentHashMap<>())
          .computeIfAbsent(verb.name().toLowerCase() + " " + resource, r -> new LongAdder())
          .increment();
    }
  }

  /**
   * The requests that carried {@code Impersonate-User: user}, as {@code "apply configmaps" -> 2},
   * sorted; empty when none did.
   */
  public Map<String, Long> impersonating(String user) {
    Map<String, Long> snapshot = new TreeMap<>();
    byImpersonatedUser
        .getOrDefault(user, Map.of())
        .forEach((request, adder) -> snapshot.put(request, adder.sum()));
    return snapshot;
  }

  /** The users named by {@code Impersonate-User} headers so far. */
  public Set<String> impersonatedUsers() {
    return Set.copyOf(byImpersonatedUser.keySet());
  }

  /** {@code configmaps}, {@code deployments.apps}, {@code deployments.apps/status}. */
  static String resourceOf(ApiRequest request) {
    String resource =
        request.group().isEmpty() ? request.plural() : request.plural() + "." + request.group();
    return request.subresource() == null ? resource : resource + "/" + request.subresource();
  }

  /** The audit verb of a resource request; null for a method Kubernetes has no verb for. */
  static Verb verbOf(ApiRequest request) {
    return switch (request.method()) {
      case "GET" -> request.isWatch() ? Verb.WATCH : request.name() == null ? Verb.LIST : Verb.GET;
      case "POST" -> Verb.CREATE;
      case "PUT" -> Verb.UPDATE;
      case "PATCH" -> request.isApplyPatch() ? Verb.APPLY : Verb.PATCH;
      case "DELETE" -> Verb.DELETE;
      default -> null;
    };
  }

  /** Requests with this verb, all resources. */
  public long count(Verb verb) {
    return counts.getOrDefault(verb, Map.of()).values().stream().mapToLong(LongAdder::sum).sum();
  }

  /**
   * Requests with this verb on one resource, e.g. {@code count(Verb.APPLY, "deployments.apps")}.
   */
  public long count(Verb verb, String resource) {
    LongAdder adder = counts.getOrDefault(verb, Map.of()).get(resource);
    return adder == null ? 0 : adder.sum();
  }

  /** Create + update + patch + apply + delete, all resources. */
  public long writes() {
    return WRITES.stream().mapToLong(this::count).sum();
  }

  /** Every counted request. */
  public long total() {
    return EnumSet.allOf(Verb.class).stream().mapToLong(this::count).sum();
  }

  /** {@code "apply deployments.apps" -> 3}, sorted, for messages and reports. */
  public Map<String, Long> snapshot() {
    Map<String, Long> snapshot = new TreeMap<>();
    counts.forEach(
        (verb, byResource) ->
            byResource.forEach(
                (resource, adder) ->
                    snapshot.put(verb.name().toLowerCase() + " " + resource, adder.sum())));
    return snapshot;
  }

  /** Forgets everything counted so far. */
  public void reset() {
    counts.clear();
    byImpersonatedUser.clear();
  }

  @Override
  public String toString() {
    return snapshot().toString();
  }
}
