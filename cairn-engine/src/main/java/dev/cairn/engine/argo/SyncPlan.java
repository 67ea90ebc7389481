package dev.cairn.engine.argo;

import dev.cairn.manifest.KubeObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The order of a sync, as Argo CD plans it: phase ({@code PreSync → Sync → PostSync}, {@code
 * SyncFail} only after a failure), then {@code argocd.argoproj.io/sync-wave} (default 0, lower
 * first), then Argo CD's kind order (Namespaces, then policies, accounts, Secrets, ConfigMaps,
 * storage, CRDs, RBAC, Services, workloads, ...; unknown kinds last), then name. Hooks are objects
 * annotated {@code argocd.argoproj.io/hook} or, as Argo CD maps Helm's, {@code helm.sh/hook}
 * ({@code pre-install}/{@code pre-upgrade} → PreSync, {@code post-install}/{@code post-upgrade} →
 * PostSync, {@code helm.sh/hook-weight} → wave, {@code helm.sh/hook-delete-policy} → Argo CD's
 * delete policies; Helm's test, delete and rollback hooks are not run). {@code Skip} hooks and
 * objects are left out. Pure: objects in, plan out.
 */
final class SyncPlan {
  static final String HOOK = "argocd.argoproj.io/hook";
  static final String DELETE_POLICY = "argocd.argoproj.io/hook-delete-policy";
  static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";
  static final String HELM_HOOK = "helm.sh/hook";
  static final String HELM_WEIGHT = "helm.sh/hook-weight";
  static final String HELM_DELETE_POLICY = "helm.sh/hook-delete-policy";

  static final String PRE_SYNC = "PreSync";
  static final String SYNC = "Sync";
  static final String POST_SYNC = "PostSync";
  static final String SYNC_FAIL = "SyncFail";
  static final String SKIP = "Skip";

  static final String HOOK_SUCCEEDED = "HookSucceeded";
  static final String HOOK_FAILED = "HookFailed";
  static final String BEFORE_HOOK_CREATION = "BeforeHookCreation";

  private static final List<String> PHASES = List.of(PRE_SYNC, SYNC, POST_SYNC, SYNC_FAIL);

  /** gitops-engine's kind order inside a wave. */
  private static final List<String> KIND_ORDER =
      List.of(
          "Namespace",
          "NetworkPolicy",
          "ResourceQuota",
          "LimitRange",
          "PodSecurityPolicy",
          "PodDisruptionBudget",
          "ServiceAccount",
          "Secret",
          "SecretList",
          "ConfigMap",
          "StorageClass",
          "PersistentVolume",
          "PersistentVolumeClaim",
          "CustomResourceDefinition",
          "ClusterRole",
          "ClusterRoleList",
          "ClusterRoleBinding",
          "ClusterRoleBindingList",
          "Role",
          "RoleList",
          "RoleBinding",
          "RoleBindingList",
          "Service",
          "DaemonSet",
          "Pod",
          "ReplicationController",
          "ReplicaSet",
          "Deployment",
          "HorizontalPodAutoscaler",
          "StatefulSet",
          "Job",
          "CronJob",
          "IngressClass",
          "Ingress",
          "APIService");

  private static final Map<String, String> HELM_PHASES =
      Map.of(
          "pre-install", PRE_SYNC,
          "pre-upgrade", PRE_SYNC,
          "post-install", POST_SYNC,
          "post-upgrade", POST_SYNC);

  private static final Map<String, String> HELM_DELETE_POLICIES =
      Map.of(
          "before-hook-creation", BEFORE_HOOK_CREATION,
          "hook-succeeded", HOOK_SUCCEEDED,
          "hook-failed", HOOK_FAILED);

  private final List<SyncTask> tasks;

  private SyncPlan(List<SyncTask> tasks) {
    this.tasks = List.copyOf(tasks);
  }

  /**
   * The plan of {@code objects}.
   *
   * @throws IllegalArgumentException naming the object when a wave or hook annotation is invalid
   */
  static SyncPlan of(List<KubeObject> objects) {
    List<SyncTask> tasks = new ArrayList<>();
    for (KubeObject object : objects) {
      tasks.addAll(tasksOf(object));
    }
    tasks.sort(
        Comparator.comparingInt((SyncTask t) -> PHASES.indexOf(t.phase()))
            .thenComparingInt(SyncTask::wave)
            .thenComparingInt(t -> kindRank(t.object().kind()))
            .thenComparing(t -> t.object().name() == null ? "" : t.object().name()));
    return new SyncPlan(tasks);
  }

  private static List<SyncTask> tasksOf(KubeObject object) {
    Map<String, String> annotations = object.annotations();
    String argoHook = annotations.get(HOOK);
    String helmHook = annotations.get(HELM_HOOK);
    int wave = wave(object);
    if (argoHook == null && helmHook == null) {
      return List.of(new SyncTask(object, SYNC, wave, null, Set.of()));
    }
    Set<String> phases = new LinkedHashSet<>();
    Set<String> policies = new LinkedHashSet<>();
    if (argoHook != null) {
      for (String type : split(argoHook)) {
        if (!PHASES.contains(type) && !SKIP.equals(type)) {
          throw new IllegalArgumentException(
              object.kind()
                  + "/"
                  + object.name()
                  + ": hook type '"
                  + type
                  + "' is not supported"
                  + " ("
                  + HOOK
                  + ": PreSync, Sync, PostSync, SyncFail or Skip)");
        }
        phases.add(type);
      }
      split(annotations.getOrDefault(DELETE_POLICY, "")).forEach(policies::add);
    } else {
      split(helmHook).stream().map(HELM_PHASES::get).filter(p -> p != null).forEach(phases::add);
      split(annotations.getOrDefault(HELM_DELETE_POLICY, "")).stream()
          .map(HELM_DELETE_POLICIES::get)
          .filter(p -> p != null)
          .forEach(policies::add);
      if (!annotations.containsKey(SYNC_WAVE) && annotations.containsKey(HELM_WEIGHT)) {
        wave = parseWave(object, annotations.get(HELM_WEIGHT), HELM_WEIGHT);
      }
    }
    if (phases.contains(SKIP) || phases.isEmpty()) {
      return List.of();
    }
    if (policies.isEmpty()) {
      policies.add(BEFORE_HOOK_CREATION);
    }
    List<SyncTask> tasks = new ArrayList<>();
    for (String phase : phases) {
      tasks.add(new SyncTask(object, phase, wave, phase, policies));
    }
    return tasks;
  }

  private static List<String> split(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  static int wave(KubeObject object) {
    String value = object.annotations().get(SYNC_WAVE);
    return value == null ? 0 : parseWave(object, value, SYNC_WAVE);
  }

  private static int parseWave(KubeObject object, String value, String annotation) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          object.kind()
              + "/"
              + object.name()
              + ": "
              + annotation
              + " '"
              + value
              + "' is not an integer");
    }
  }

  private static int kindRank(String kind) {
    int index = KIND_ORDER.indexOf(kind);
    return index < 0 ? KIND_ORDER.size() : index;
  }

  List<SyncTask> tasks() {
    return tasks;
  }

  /** The tasks of {@code phase} grouped by wave, lowest first, each wave in kind order. */
  List<List<SyncTask>> waves(String phase) {
    TreeMap<Integer, List<SyncTask>> waves = new TreeMap<>();
    for (SyncTask task : tasks) {
      if (task.phase().equals(phase)) {
        waves.computeIfAbsent(task.wave(), w -> new ArrayList<>()).add(task);
      }
    }
    return List.copyOf(waves.values());
  }

  /** The objects that stay after a sync (no hooks): what the Application tracks and prunes. */
  List<KubeObject> resources() {
    return tasks.stream().filter(t -> !t.hook()).map(SyncTask::object).toList();
  }

  /**
   * Only the resources {@code keep} accepts, hooks left out: a sync of some resources runs no
   * hooks, as in Argo CD.
   */
  SyncPlan only(Predicate<KubeObject> keep) {
    return new SyncPlan(tasks.stream().filter(t -> !t.hook() && keep.test(t.object())).toList());
  }

  /** The hooks of every phase. */
  List<SyncTask> hooks() {
    return tasks.stream().filter(SyncTask::hook).toList();
  }
}
