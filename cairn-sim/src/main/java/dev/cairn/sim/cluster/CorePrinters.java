package dev.cairn.sim.cluster;

import static dev.cairn.sim.cluster.TableColumn.AGE;
import static dev.cairn.sim.cluster.TableColumn.NAME;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Table columns of the core, networking and configuration kinds (Service, Ingress, IngressClass,
 * ConfigMap, Secret, Namespace, ServiceAccount, NetworkPolicy, PodDisruptionBudget), as {@code
 * AddHandlers} in kube-apiserver's {@code pkg/printers/internalversion/printers.go} defines them.
 */
final class CorePrinters {
  private CorePrinters() {}

  static void register(Map<String, KindPrinter> printers) {
    printers.put("services", service());
    printers.put("ingresses.networking.k8s.io", ingress());
    printers.put("poddisruptionbudgets.policy", podDisruptionBudget());
    configuration(printers);
  }

  /** The kinds whose cells are a field or two: IngressClass, ConfigMap, Secret, ... */
  private static void configuration(Map<String, KindPrinter> printers) {
    printers.put(
        "ingressclasses.networking.k8s.io",
        new KindPrinter(
            List.of(
                NAME,
                TableColumn.of(
                    "Controller",
                    "string",
                    "Controller that is responsible for" + " handling this class"),
                TableColumn.of(
                    "Parameters",
                    "string",
                    "A reference to a resource with" + " additional parameters"),
                AGE),
            o ->
                List.of(
                    TableCells.name(o),
                    o.path("spec").path("controller").asText(),
                    ingressClassParameters(o.path("spec").path("parameters")),
                    TableCells.age(o))));
    printers.put(
        "configmaps",
        new KindPrinter(
            List.of(
                NAME,
                TableColumn.of("Data", "string", "Data contains the configuration" + " data."),
                AGE),
            o ->
                List.of(
                    TableCells.name(o),
                    (long) (o.path("data").size() + o.path("binaryData").size()),
                    TableCells.age(o))));
    printers.put(
        "secrets",
        new KindPrinter(
            List.of(
                NAME,
                TableColumn.of(
                    "Type",
                    "string",
                    "Used to facilitate programmatic handling of" + " secret data."),
                TableColumn.of("Data", "string", "Data contains the secret data."),
                AGE),
            o ->
                List.of(
                    TableCells.name(o),
                    o.path("type").asText(),
                    (long) o.path("data").size(),
                    TableCells.age(o))));
    namespaced(printers);
  }

  /** Namespace, ServiceAccount and NetworkPolicy. */
  private static void namespaced(Map<String, KindPrinter> printers) {
    printers.put(
        "namespaces",
        new KindPrinter(
            List.of(NAME, TableColumn.of("Status", "string", "The status of the namespace"), AGE),
            o ->
                List.of(
                    TableCells.name(o),
                    o.path("status").path("phase").asText(),
                    TableCells.age(o))));
    printers.put(
        "serviceaccounts",
        new KindPrinter(
            List.of(
                NAME,
                TableColumn.of(
                    "Secrets",
                    "string",
                    "Secrets is a list of the secrets"
                        + " in the same namespace that pods running using this ServiceAccount are"
                        + " allowed to use."),
                AGE),
            o -> List.of(TableCells.name(o), (long) o.path("secrets").size(), TableCells.age(o))));
    printers.put(
        "networkpolicies.networking.k8s.io",
        new KindPrinter(
            List.of(
                NAME,
                TableColumn.of(
                    "Pod-Selector",
                    "string",
                    "Selects the pods to which" + " this NetworkPolicy object applies."),
                AGE),
            o ->
                List.of(
                    TableCells.name(o),
                    TableCells.selector(o.path("spec").path("podSelector")),
                    TableCells.age(o))));
  }

  private static KindPrinter service() {
    List<TableColumn> columns =
        List.of(
            NAME,
            TableColumn.of("Type", "string", "type determines how the Service is exposed."),
            TableColumn.of("Cluster-IP", "string", "clusterIP is the IP address of the service"),
            TableColumn.of(
                "External-IP",
                "string",
                "externalIPs is a list of IP addresses for"
                    + " which nodes in the cluster will also accept traffic for this service."),
            TableColumn.of(
                "Port(s)", "string", "The list of ports that are exposed by this" + " service."),
            AGE,
            TableColumn.wide(
                "Selector",
                "string",
                "Route service traffic to pods with label"
                    + " keys and values matching this selector."));
    return new KindPrinter(
        columns,
        o -> {
          JsonNode spec = o.path("spec");
          JsonNode ips = spec.path("clusterIPs");
          String ports = ports(spec.path("ports"));
          List<Object> cells = new ArrayList<>();
          cells.add(TableCells.name(o));
          cells.add(spec.path("type").asText());
          cells.add(ips.size() > 0 ? ips.get(0).asText() : "<none>");
          cells.add(externalIp(o));
          cells.add(ports.isEmpty() ? "<none>" : ports);
          cells.add(TableCells.age(o));
          cells.add(TableCells.labels(spec.path("selector")));
          return cells;
        });
  }

  /** {@code makePortString}: {@code 80/TCP}, or {@code 80:30080/TCP} with a node port. */
  private static String ports(JsonNode ports) {
    List<String> pieces = new ArrayList<>();
    for (JsonNode port : ports) {
      String protocol = port.path("protocol").asText();
      long nodePort = port.path("nodePort").asLong(0);
      long number = port.path("port").asLong();
      pieces.add(nodePort > 0 ? number + ":" + nodePort + "/" + protocol : number + "/" + protocol);
    }
    return String.join(",", pieces);
  }

  /** {@code getServiceExternalIP}. */
  private static String externalIp(JsonNode service) {
    JsonNode spec = service.path("spec");
    List<String> external = new ArrayList<>();
    spec.path("externalIPs").forEach(ip -> external.add(ip.asText()));
    switch (spec.path("type").asText()) {
      case "ClusterIP":
      case "NodePort":
        return external.isEmpty() ? "<none>" : String.join(",", external);
      case "LoadBalancer":
        String balancers =
            loadBalancer(service.path("status").path("loadBalancer").path("ingress"));
        List<String> all = new ArrayList<>();
        if (!balancers.isEmpty()) {
          all.add(balancers);
        }
        all.addAll(external);
        return all.isEmpty() ? "<pending>" : String.join(",", all);
      case "ExternalName":
        return spec.path("externalName").asText();
      default:
        return "<unknown>";
    }
  }

  /** {@code loadBalancerStatusStringer} with wide output: sorted, unique IPs or host names. */
  private static String loadBalancer(JsonNode ingress) {
    TreeSet<String> result = new TreeSet<>();
    for (JsonNode entry : ingress) {
      if (!entry.path("ip").asText("").isEmpty()) {
        result.add(entry.path("ip").asText());
      } else if (!entry.path("hostname").asText("").isEmpty()) {
        result.add(entry.path("hostname").asText());
      }
    }
    return String.join(",", result);
  }

  private static KindPrinter ingress() {
    List<TableColumn> columns =
        List.of(
            NAME,
            TableColumn.of(
                "Class",
                "string",
                "The name of the IngressClass resource that should"
                    + " be used for additional configuration"),
            TableColumn.of(
                "Hosts",
                "string",
                "Hosts that incoming requests are matched against" + " before the ingress rule"),
            TableColumn.of(
                "Address",
                "string",
                "Address is a list containing ingress points for" + " the load-balancer"),
            TableColumn.of("Ports", "string", "Ports of TLS configurations that open"),
            AGE);
    return new KindPrinter(
        columns,
        o -> {
          JsonNode spec = o.path("spec");
          return List.of(
              TableCells.name(o),
              TableCells.textOr(spec.path("ingressClassName"), "<none>"),
              hosts(spec.path("rules")),
              loadBalancer(o.path("status").path("loadBalancer").path("ingress")),
              spec.path("tls").isEmpty() ? "80" : "80, 443",
              TableCells.age(o));
        });
  }

  /** {@code formatHosts}: up to three hosts, then {@code + n more...}; {@code *} for none. */
  private static String hosts(JsonNode rules) {
    List<String> list = new ArrayList<>();
    boolean more = false;
    for (JsonNode rule : rules) {
      if (list.size() == 3) {
        more = true;
      }
      String host = rule.path("host").asText("");
      if (!more && !host.isEmpty()) {
        list.add(host);
      }
    }
    if (list.isEmpty()) {
      return "*";
    }
    String joined = String.join(",", list);
    return more ? joined + " + " + (rules.size() - 3) + " more..." : joined;
  }

  private static String ingressClassParameters(JsonNode parameters) {
    if (parameters.isMissingNode() || parameters.isNull()) {
      return "<none>";
    }
    String kind = parameters.path("kind").asText();
    if (parameters.hasNonNull("apiGroup")) {
      kind = kind + "." + parameters.path("apiGroup").asText();
    }
    return kind + "/" + parameters.path("name").asText();
  }

  private static KindPrinter podDisruptionBudget() {
    List<TableColumn> columns =
        List.of(
            NAME,
            TableColumn.of(
                "Min Available",
                "string",
                "The minimum number of pods that must be" + " available."),
            TableColumn.of(
                "Max Unavailable",
                "string",
                "The maximum number of pods that may be" + " unavailable."),
            TableColumn.of(
                "Allowed Disruptions",
                "integer",
                "Calculated number of pods that may" + " be disrupted at this time."),
            AGE);
    return new KindPrinter(
        columns,
        o -> {
          JsonNode spec = o.path("spec");
          return List.of(
              TableCells.name(o),
              TableCells.textOr(spec.path("minAvailable"), "N/A"),
              TableCells.textOr(spec.path("maxUnavailable"), "N/A"),
              o.path("status").path("disruptionsAllowed").asLong(0),
              TableCells.age(o));
        });
  }
}
