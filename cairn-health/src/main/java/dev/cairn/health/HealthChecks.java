package dev.cairn.health;

import dev.cairn.manifest.KubeObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of health checks: one per kind, CEL expressions per kind, and the generic rules
 * every object goes through. Immutable and thread-safe.
 *
 * <p>The order for one object: {@code metadata.deletionTimestamp} makes it Terminating; an
 * observedGeneration behind the generation makes it InProgress; CEL expressions for its kind, if
 * any, decide; otherwise {@code Stalled=True} is Failed and {@code Reconciling=True} InProgress;
 * then its kind's check decides, or the {@code Ready} condition for kinds without one.
 */
public final class HealthChecks {

  private static final HealthChecks DEFAULTS = new HealthChecks(builtIn(), Map.of());

  private final Map<String, HealthCheck> byKind;
  private final Map<String, ExpressionCheck> expressions;
  private final HealthCheck fallback = new ConditionsCheck();

  private HealthChecks(Map<String, HealthCheck> byKind, Map<String, ExpressionCheck> expressions) {
    this.byKind = Map.copyOf(byKind);
    this.expressions = Map.copyOf(expressions);
  }

  /** The built-in checks for Kubernetes kinds, and the Ready-condition rules for every other. */
  public static HealthChecks defaults() {
    return DEFAULTS;
  }

  /**
   * The defaults plus CEL expressions; the expressions take over from the built-in check of their
   * kind. When two entries name the same group and kind, the later one wins.
   *
   * @throws HealthExpressionException when an expression does not compile
   */
  public static HealthChecks withExpressions(List<HealthCheckExpr> exprs) {
    return DEFAULTS.andExpressions(exprs);
  }

  /**
   * A copy with CEL expressions added to this registry's; an entry for a group and kind that
   * already has expressions replaces them.
   *
   * @throws HealthExpressionException when an expression does not compile
   */
  public HealthChecks andExpressions(List<HealthCheckExpr> exprs) {
    Map<String, ExpressionCheck> compiled = new HashMap<>(expressions);
    for (HealthCheckExpr expr : exprs) {
      compiled.put(
          key(expr.group(), expr.kind()), new ExpressionCheck(expr, ExpressionCompiler.shared()));
    }
    return new HealthChecks(byKind, compiled);
  }

  /** A copy that checks the given group and kind ({@code ""} for the core group) with a check. */
  public HealthChecks withCheck(String group, String kind, HealthCheck check) {
    Map<String, HealthCheck> copy = new HashMap<>(byKind);
    copy.put(key(group, kind), check);
    return new HealthChecks(copy, expressions);
  }

  public Health check(KubeObject object) {
    Fields f = Fields.of(object.node());
    if (f.has("/metadata/deletionTimestamp")) {
      return Health.terminating(
          object.kind()
              + " is being deleted (since "
              + f.text("/metadata/deletionTimestamp", "?")
              + ")");
    }
    var generation = GenerationCheck.check(object);
    if (generation.isPresent()) {
      return generation.get();
    }
    String key = key(object.gvk().group(), object.kind());
    ExpressionCheck expression = expressions.get(key);
    if (expression != null) {
      return expression.check(object);
    }
    var standard = StandardConditions.check(object);
    if (standard.isPresent()) {
      return standard.get();
    }
    HealthCheck check = byKind.getOrDefault(key, fallback);
    try {
      return check.check(object);
    } catch (RuntimeException e) {
      // A check meeting a status shape it does not expect must not stop the whole wait.
      return Health.unknown(
          "health check for " + object.kind() + " failed on unexpected status: " + e);
    }
  }

  /** The health of each object, in order. */
  public List<ObjectHealth> checkAll(Collection<KubeObject> objects) {
    List<ObjectHealth> result = new ArrayList<>(objects.size());
    for (KubeObject object : objects) {
      result.add(new ObjectHealth(object.id(), check(object)));
    }
    return result;
  }

  /** The worst status of the objects and the ones that are not Current. */
  public HealthSummary summarize(Collection<KubeObject> objects) {
    return HealthSummary.of(checkAll(objects));
  }

  private static Map<String, HealthCheck> builtIn() {
    Map<String, HealthCheck> checks = new HashMap<>();
    checks.put(key("apps", "Deployment"), new DeploymentCheck());
    checks.put(key("apps", "StatefulSet"), new StatefulSetCheck());
    checks.put(key("apps", "DaemonSet"), new DaemonSetCheck());
    checks.put(key("apps", "ReplicaSet"), new ReplicaSetCheck());
    checks.put(key("", "Pod"), new PodCheck());
    checks.put(key("batch", "Job"), new JobCheck());
    checks.put(key("batch", "CronJob"), new CronJobCheck());
    checks.put(key("", "PersistentVolumeClaim"), new PersistentVolumeClaimCheck());
    checks.put(key("", "Service"), new ServiceCheck());
    checks.put(key("", "Namespace"), new NamespaceCheck());
    checks.put(key("policy", "PodDisruptionBudget"), new PodDisruptionBudgetCheck());
    checks.put(
        key("apiextensions.k8s.io", "CustomResourceDefinition"),
        new CustomResourceDefinitionCheck());
    return checks;
  }

  private static String key(String group, String kind) {
    return (group == null ? "" : group) + "/" + kind;
  }
}
