/**
 * The health of one object: a small check per kind behind the {@link dev.cairn.health.HealthChecks}
 * registry, the generic kstatus rules (deletion, observed generation, Ready/Reconciling/Stalled
 * conditions), CEL health expressions, and the summary of many objects.
 *
 * <p>Public: {@code HealthStatus}, {@code Health}, {@code HealthCheck}, {@code HealthChecks},
 * {@code HealthCheckExpr}, {@code HealthExpressionException}, {@code HealthSummary}, {@code
 * ObjectHealth}, and the readers {@code Condition} and {@code Fields}. The per-kind checks are
 * package-private.
 *
 * <p>What may not live here: any I/O, the Kubernetes client, clocks or logging. Everything is a
 * pure function of an object's tree (an architecture test enforces it).
 */
package dev.cairn.health;
