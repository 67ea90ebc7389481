package dev.cairn.sim.cluster;

import static dev.cairn.sim.cluster.TableColumn.AGE;
import static dev.cairn.sim.cluster.TableColumn.NAME;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Table columns of the workload kinds, as {@code AddHandlers} in kube-apiserver's {@code
 * pkg/printers/internalversion/printers.go} defines them and {@code printDeployment}, {@code
 * printStatefulSet}, {@code printDaemonSet}, {@code printReplicaSet}, {@code
 * printReplicationController}, {@code printJob}, {@code printCronJob} and {@code printPod} fill
 * them.
 */
final class WorkloadPrinters {
  private static final TableColumn CONTAINERS =
      TableColumn.wide("Containers", "string", "Names of each container in the template.");
  private static final TableColumn IMAGES =
      TableColumn.wide("Images", "string", "Images referenced by each container in the template.");
  private static final TableColumn SELECTOR =
      TableColumn.wide("Selector", "string", "Label selector for pods.");

  private WorkloadPrinters() {}

  static void register(Map<String, KindPrinter> printers) {
    printers.put("deployments.apps", deployment());
    printers.put("statefulsets.apps", statefulSet());
    printers.put("daemonsets.apps", daemonSet());
    KindPrinter replicaSet = replicaSet();
    printers.put("replicasets.apps", replicaSet);
    printers.put("replicationcontrollers", replicaSet);
    printers.put("jobs.batch", job());
    printers.put("cronjobs.batch", cronJob());
    printers.put("pods", pod());
  }

  private static KindPrinter deployment() {
    List<TableColumn> columns =
        List.of(
            NAME,
            TableColumn.of("Ready", "string", "Number of the pod with ready state"),
            TableColumn.of(
                "Up-to-date",
                "string",
                "Total number of non-terminated pods targeted"
                    + " by this deployment that have the desired template spec."),
            TableColumn.of(
                "Available",
                "string",
                "Total number of available pods (ready for at"
                    + " least minReadySeconds) targeted by this deployment."),
            AGE,
            CONTAINERS,
            IMAGES,
            SELECTOR);
    return new KindPrinter(
        columns,
        o -> {
          JsonNode status = o.path("status");
          List<Object> cells = new ArrayList<>();
          cells.add(TableCells.name(o));
          cells.add(
              TableCells.ratio(status.path("readyReplicas"), o.path("spec").path("replicas")));
          cells.add(TableCells.integer(status.path("updatedReplicas")));
          cells.add(TableCells.integer(status.path("availableReplicas")));
          return withTemplate(cells, o, true);
        });
  }

  private static KindPrinter statefulSet() {
    List<TableColumn> columns =
        List.of(
            NAME,
            TableColumn.of("Ready", "string", "Number of the pod with ready state"),
            AGE,
            CONTAINERS,
            IMAGES);
    return new KindPrinter(
        columns,
        o -> {
          List<Object> cells = new ArrayList<>();
          cells.add(TableCells.name(o));
          cells.add(
              TableCells.ratio(
                  o.path("status").path("readyReplicas"), o.path("spec").path("replicas")));
          return withTemplate(cells, o, false);
        });
  }

  private static KindPrinter daemonSet() {
    List<TableColumn> columns =
        List.of(
            NAME,
            TableColumn.of(
                "Desired",
                "integer",
                "The total number of nodes that should be" + " running the daemon pod."),
            TableColumn.of(
                "Current",
                "integer",
                "The number of nodes that are running at least 1"
                    + " daemon pod and are supposed to run the daemon pod."),
            TableColumn.of(
                "Ready",
                "integer",
                "The number of nodes that should be running the"
                    + " daemon pod and have one or more of the daemon pod running and ready."),
            TableColumn.of(
                "Up-to-date",
                "integer",
                "The total number of nodes that are running" + " updated daemon pod"),
            TableColumn.of(
                "Available",
                "integer",
                "The number of nodes that should be running"
                    + " the daemon pod and have one or more of the daemon pod running and available."),
            TableColumn.of(
                "Node Selector",
                "string",
                "NodeSelector is a selector which must be" + " true for the pod to fit on a node."),
            AGE,
            CONTAINERS,
            IMAGES,
            SELECTOR);
    return new KindPrinter(
        columns,
        o -> {
          JsonNode status = o.path("status");
          List<Object> cells = new ArrayList<>();
          cells.add(TableCells.name(o));
          for (String field :
              List.of(
                  "desiredNumberScheduled",
                  "currentNumberScheduled",
                  "numberReady",
                  "updatedNumberScheduled",
                  "numberAvailable")) {
            cells.add(TableCells.integer(status.path(field)));
          }
          cells.add(
              TableCells.labels(o.path("spec").path("template").path("spec").path("nodeSelector")));
          return withTemplate(cells, o, true);
        });
  }

  private static KindPrinter replicaSet() {
    List<TableColumn> columns =
        List.of(
            NAME,
            TableColumn.of("Desired", "integer", "Replicas is the number of desired replicas."),
            TableColumn.of(
                "Current",
                "integer",
                "Replicas is the most recently observed number" + " of replicas."),
            TableColumn.of(
                "Ready", "integer", "The number of ready replicas for this replica" + " set."),
            AGE,
            CONTAINERS,
            IMAGES,
            SELECTOR);
    return new KindPrinter(
        columns,
        o -> {
          JsonNode status = o.path("status");
          List<Object> cells = new ArrayList<>();
          cells.add(TableCells.name(o));
          cells.add(TableCells.integer(o.path("spec").path("replicas")));
          cells.add(TableCells.integer(status.path("replicas")));
          cells.add(TableCells.integer(status.path("readyReplicas")));
          return withTemplate(cells, o, true);
        });
  }

  private static KindPrinter job() {
    List<TableColumn> columns =
        List.of(
            NAME,
            TableColumn.of("Status", "string", "Status of the job."),
            TableColumn.of(
                "Completions", "string", "The number of pods which reached phase" + " Succeeded."),
            TableColumn.of("Duration", "string", "Time required to complete the job."),
            AGE,
            CONTAINERS,
            IMAGES,
            SELECTOR);
    return new KindPrinter(
        columns,
        o -> {
          List<Object> cells = new ArrayList<>();
          cells.add(TableCells.name(o));
          cells.add(jobStatus(o));
          cells.add(completions(o));
          cells.add(jobDuration(o.path("status")));
          return withTemplate(cells, o, true);
        });
  }

  private static String completions(JsonNode job) {
    long succeeded = job.path("status").path("succeeded").asLong(0);
    JsonNode spec = job.path("spec");
    if (spec.hasNonNull("completions")) {
      return succeeded + "/" + spec.path("completions").asLong();
    }
    long parallelism = spec.path("parallelism").asLong(0);
    return parallelism > 1 ? succeeded + "/1 of " + parallelism : succeeded + "/1";
  }

  private static String jobDuration(JsonNode status) {
    if (!status.hasNonNull("startTime")) {
      return "";
    }
    Instant start = Instant.parse(status.path("startTime").asText());
    Instant end =
        status.hasNonNull("completionTime")
            ? Instant.parse(status.path("completionTime").asText())
            : Instant.now();
    return HumanDuration.of(Duration.between(start, end));
  }

  private static String jobStatus(JsonNode job) {
    if (TableCells.hasTrueCondition(job, "Complete")) {
      return "Complete";
    } else if (TableCells.hasTrueCondition(job, "Failed")) {
      return "Failed";
    } else if (job.path("metadata").hasNonNull("deletionTimestamp")) {
      return "Terminating";
    } else if (TableCells.hasTrueCondition(job, "Suspended")) {
      return "Suspended";
    } else if (TableCells.hasTrueCondition(job, "FailureTarget")) {
      return "FailureTarget";
    }
    return "Running";
  }

  private static KindPrinter cronJob() {
    List<TableColumn> columns =
        List.of(
            NAME,
            TableColumn.of("Schedule", "string", "The schedule in Cron format."),
            TableColumn.of("Timezone", "string", "The time zone name for the given schedule."),
            TableColumn.of(
                "Suspend",
                "boolean",
                "This flag tells the controller to suspend" + " subsequent executions."),
            TableColumn.of("Active", "integer", "A list of pointers to currently running jobs."),
            TableColumn.of(
                "Last Schedule",
                "string",
                "Information when was the last time the job" + " was successfully scheduled."),
            AGE,
            CONTAINERS,
            IMAGES,
            SELECTOR);
    return new KindPrinter(
        columns,
        o -> {
          JsonNode spec = o.path("spec");
          JsonNode status = o.path("status");
          JsonNode jobSpec = spec.path("jobTemplate").path("spec");
          List<Object> cells = new ArrayList<>();
          cells.add(TableCells.name(o));
          cells.add(spec.path("schedule").asText());
          cells.add(TableCells.textOr(spec.path("timeZone"), "<none>"));
          cells.add(spec.hasNonNull("suspend") ? spec.path("suspend").asText() : "<unset>");
          cells.add((long) status.path("active").size());
          cells.add(
              status.hasNonNull("lastScheduleTime")
                  ? HumanDuration.since(status.path("lastScheduleTime").asText())
                  : "<none>");
          cells.add(TableCells.age(o));
          cells.addAll(TableCells.containers(jobSpec.path("template").path("spec")));
          cells.add(TableCells.selector(jobSpec.path("selector")));
          return cells;
        });
  }

  /** Age, then the template's container names and images, then (if asked) the selector. */
  private static List<Object> withTemplate(List<Object> cells, JsonNode o, boolean selector) {
    JsonNode spec = o.path("spec");
    cells.add(TableCells.age(o));
    cells.addAll(TableCells.containers(spec.path("template").path("spec")));
    if (selector) {
      JsonNode s = spec.path("selector");
      boolean plainMap = o.path("kind").asText().equals("ReplicationController");
      cells.add(plainMap ? TableCells.labels(s) : TableCells.selector(s));
    }
    return cells;
  }

  private static KindPrinter pod() {
    List<TableColumn> columns =
        List.of(
            NAME,
            TableColumn.of(
                "Ready",
                "string",
                "The aggregate readiness state of this pod for" + " accepting traffic."),
            TableColumn.of(
                "Status", "string", "The aggregate status of the containers in this" + " pod."),
            TableColumn.of(
                "Restarts",
                "string",
                "The number of times the containers in this pod"
                    + " have been restarted and when the last container in this pod has restarted."),
            AGE,
            TableColumn.wide("IP", "string", "podIP address allocated to the pod."),
            TableColumn.wide(
                "Node", "string", "NodeName indicates in which node this pod is" + " scheduled."),
            TableColumn.wide(
                "Nominated Node",
                "string",
                "nominatedNodeName is set only when this"
                    + " pod preempts other pods on the node."),
            TableColumn.wide(
                "Readiness Gates",
                "string",
                "If specified, all readiness gates will" + " be evaluated for pod readiness."));
    return new KindPrinter(columns, PodRow::cells);
  }
}
