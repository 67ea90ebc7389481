package dev.cairn.sim.cluster;

import dev.cairn.sim.cluster.RequestCounter.Verb;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which requests a {@link Faults} injection answers with a {@link Fault}, and for how long. Built
 * from {@link #answer(Fault)} and narrowed with {@link #on}, {@link #resource}, {@link #namespace}
 * and {@link #where}; the window is "until removed" unless {@link #times(int)} (the first n
 * matching requests) or {@link #withProbability(double, long)} (each matching request with
 * probability p, drawn from a {@code Random} seeded with {@code seed}) narrows it. Both may be
 * combined: then at most n requests, each with probability p.
 *
 * <pre>{@code
 * cluster.faults().inject(
 *     FaultRule.answer(Fault.internalError()).on(Verb.APPLY).resource("configmaps").times(3));
 * }</pre>
 *
 * @param verbs empty: every verb
 * @param resource null: every resource; otherwise as {@link RequestCounter} names it
 * @param namespace null: every namespace
 * @param times -1: no limit
 */
public record FaultRule(
    Fault fault,
    Set<Verb> verbs,
    String resource,
    String namespace,
    Predicate<FaultRequest> where,
    int times,
    double probability,
    long seed) {

  /** Every write verb: create, update, patch, apply, delete. */
  public static final Set<Verb> WRITES =
      Set.copyOf(EnumSet.of(Verb.CREATE, Verb.UPDATE, Verb.PATCH, Verb.APPLY, Verb.DELETE));

  /** Every read verb but watch: get and list. */
  public static final Set<Verb> READS = Set.copyOf(EnumSet.of(Verb.GET, Verb.LIST));

  public FaultRule {
    Objects.requireNonNull(fault, "fault");
    Objects.requireNonNull(where, "where");
    verbs = Set.copyOf(verbs);
    if (times < -1 || times == 0) {
      throw new IllegalArgumentException("times must be positive: " + times);
    }
    if (!(probability > 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in (0, 1]: " + probability);
    }
  }

  /** Every resource request, until removed, answered with {@code fault}. */
  public static FaultRule answer(Fault fault) {
    return new FaultRule(fault, Set.of(), null, null, r -> true, -1, 1.0, 0);
  }

  /** Only requests with one of these verbs. */
  public FaultRule on(Verb... verbs) {
    return on(Set.of(verbs));
  }

  public FaultRule on(Set<Verb> verbs) {
    return new FaultRule(fault, verbs, resource, namespace, where, times, probability, seed);
  }

  /** Only this resource ({@code configmaps}, {@code deployments.apps}, ...). */
  public FaultRule resource(String resource) {
    return new FaultRule(fault, verbs, resource, namespace, where, times, probability, seed);
  }

  /** Only requests in this namespace. */
  public FaultRule namespace(String namespace) {
    return new FaultRule(fault, verbs, resource, namespace, where, times, probability, seed);
  }

  /** Only requests this predicate accepts too. */
  public FaultRule where(Predicate<FaultRequest> predicate) {
    return new FaultRule(
        fault, verbs, resource, namespace, where.and(predicate), times, probability, seed);
  }

  /** Answers the first n matching requests, then lets requests through. */
  public FaultRule times(int n) {
    return new FaultRule(fault, verbs, resource, namespace, where, n, probability, seed);
  }

  /** Answers each matching request with probability p, from a Random seeded with seed. */
  public FaultRule withProbability(double p, long seed) {
    return new FaultRule(fault, verbs, resource, namespace, where, times, p, seed);
  }

  /** Whether the request is one this rule is about (the window aside). */
  public boolean matches(FaultRequest request) {
    return (verbs.isEmpty() || verbs.contains(request.verb()))
        && (resource == null || resource.equals(request.resource()))
        && (namespace == null || namespace.equals(request.namespace()))
        && where.test(request);
  }
}
