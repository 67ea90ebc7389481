package dev.cairn.sim.cluster;

import static dev.cairn.sim.cluster.TableColumn.AGE;
import static dev.cairn.sim.cluster.TableColumn.NAME;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Table columns of storage, RBAC and cluster-configuration kinds (PersistentVolumeClaim,
 * PersistentVolume, StorageClass, RoleBinding, ClusterRoleBinding, Role, ClusterRole, Lease,
 * webhook configurations, RuntimeClass, CustomResourceDefinition), as kube-apiserver's {@code
 * pkg/printers/internalversion/printers.go} defines them.
 */
final class ClusterPrinters {
  private static final String UNSET = "<unset>";
  private static final TableColumn CREATED_AT =
      new TableColumn(
          "Created At",
          "date",
          "",
          "CreationTimestamp is a timestamp representing the server time when this object was"
              + " created.",
          0);

  private ClusterPrinters() {}

  static void register(Map<String, KindPrinter> printers) {
    printers.put("persistentvolumeclaims", claim());
    printers.put("persistentvolumes", volume());
    printers.put("storageclasses.storage.k8s.io", storageClass());
    KindPrinter binding = binding();
    printers.put("rolebindings.rbac.authorization.k8s.io", binding);
    printers.put("clusterrolebindings.rbac.authorization.k8s.io", binding);
    KindPrinter createdAt =
        new KindPrinter(
            List.of(NAME, CREATED_AT),
            o ->
                List.of(TableCells.name(o), o.path("metadata").path("creationTimestamp").asText()));
    printers.put("roles.rbac.authorization.k8s.io", createdAt);
    printers.put("clusterroles.rbac.authorization.k8s.io", createdAt);
    printers.put("customresourcedefinitions.apiextensions.k8s.io", createdAt);
    printers.put(
        "leases.coordination.k8s.io",
        new KindPrinter(
            List.of(
                NAME,
                TableColumn.of(
                    "Holder",
                    "string",
                    "holderIdentity contains the" + " identity of the holder of a current lease."),
                AGE),
            o ->
                List.of(
                    TableCells.name(o),
                    o.path("spec").path("holderIdentity").asText(""),
                    TableCells.age(o))));
    KindPrinter webhooks =
        new KindPrinter(
            List.of(
                NAME,
                TableColumn.of(
                    "Webhooks",
                    "integer",
                    "Webhooks indicates the number"
                        + " of webhooks registered in this configuration"),
                AGE),
            o -> List.of(TableCells.name(o), (long) o.path("webhooks").size(), TableCells.age(o)));
    printers.put("mutatingwebhookconfigurations.admissionregistration.k8s.io", webhooks);
    printers.put("validatingwebhookconfigurations.admissionregistration.k8s.io", webhooks);
    printers.put(
        "runtimeclasses.node.k8s.io",
        new KindPrinter(
            List.of(
                NAME,
                TableColumn.of(
                    "Handler",
                    "string",
                    "handler specifies the underlying"
                        + " runtime and configuration that the CRI implementation will use"),
                AGE),
            o -> List.of(TableCells.name(o), o.path("handler").asText(), TableCells.age(o))));
  }

  private static KindPrinter claim() {
    List<TableColumn> columns =
        List.of(
            NAME,
            TableColumn.of(
                "Status",
                "string",
                "phase represents the current phase of" + " PersistentVolumeClaim."),
            TableColumn.of(
                "Volume",
                "string",
                "volumeName is the binding reference to the"
                    + " PersistentVolume backing this claim."),
            TableColumn.of(
                "Capacity",
                "string",
                "capacity represents the actual resources of the" + " underlying volume."),
            TableColumn.of(
                "Access Modes",
                "string",
                "accessModes contains the actual access"
                    + " modes the volume backing the PVC has."),
            TableColumn.of("StorageClass", "string", "StorageClass of the pvc"),
            TableColumn.of("VolumeAttributesClass", "string", "VolumeAttributesClass of the pvc"),
            AGE,
            TableColumn.wide(
                "VolumeMode",
                "string",
                "volumeMode defines what type of volume is" + " required by the claim."));
    return new KindPrinter(
        columns,
        o -> {
          JsonNode spec = o.path("spec");
          JsonNode status = o.path("status");
          boolean bound = !spec.path("volumeName").asText("").isEmpty();
          List<Object> cells = new ArrayList<>();
          cells.add(TableCells.name(o));
          cells.add(phase(o));
          cells.add(spec.path("volumeName").asText(""));
          cells.add(bound ? status.path("capacity").path("storage").asText("0") : "");
          cells.add(bound ? TableCells.accessModes(status.path("accessModes")) : "");
          cells.add(storageClass(o));
          cells.add(TableCells.textOr(spec.path("volumeAttributesClassName"), UNSET));
          cells.add(TableCells.age(o));
          cells.add(TableCells.textOr(spec.path("volumeMode"), UNSET));
          return cells;
        });
  }

  private static KindPrinter volume() {
    List<TableColumn> columns =
        List.of(
            NAME,
            TableColumn.of("Capacity", "string", "capacity of the persistent volume"),
            TableColumn.of("Access Modes", "string", "ways the volume can be mounted"),
            TableColumn.of("Reclaim Policy", "string", "persistentVolumeReclaimPolicy"),
            TableColumn.of("Status", "string", "phase of the volume"),
            TableColumn.of("Claim", "string", "claimRef: the claim bound to the volume"),
            TableColumn.of("StorageClass", "string", "StorageClass of the pv"),
            TableColumn.of("VolumeAttributesClass", "string", "VolumeAttributesClass of the pv"),
            TableColumn.of("Reason", "string", "reason of a failure, for display in the CLI"),
            AGE,
            TableColumn.wide("VolumeMode", "string", "volumeMode of the volume"));
    return new KindPrinter(
        columns,
        o -> {
          JsonNode spec = o.path("spec");
          JsonNode claim = spec.path("claimRef");
          List<Object> cells = new ArrayList<>();
          cells.add(TableCells.name(o));
          cells.add(spec.path("capacity").path("storage").asText("0"));
          cells.add(TableCells.accessModes(spec.path("accessModes")));
          cells.add(spec.path("persistentVolumeReclaimPolicy").asText(""));
          cells.add(phase(o));
          cells.add(
              claim.isMissingNode()
                  ? ""
                  : claim.path("namespace").asText("") + "/" + claim.path("name").asText(""));
          cells.add(storageClass(o));
          cells.add(TableCells.textOr(spec.path("volumeAttributesClassName"), UNSET));
          cells.add(o.path("status").path("reason").asText(""));
          cells.add(TableCells.age(o));
          cells.add(TableCells.textOr(spec.path("volumeMode"), UNSET));
          return cells;
        });
  }

  private static String phase(JsonNode o) {
    return o.path("metadata").hasNonNull("deletionTimestamp")
        ? "Terminating"
        : o.path("status").path("phase").asText("");
  }

  /** {@code GetPersistentVolume(Claim)Class}: the beta annotation first, then the spec field. */
  private static String storageClass(JsonNode o) {
    JsonNode annotation =
        o.path("metadata").path("annotations").path("volume.beta.kubernetes.io/storage-class");
    if (!annotation.isMissingNode()) {
      return annotation.asText();
    }
    return o.path("spec").path("storageClassName").asText("");
  }

  private static KindPrinter storageClass() {
    List<TableColumn> columns =
        List.of(
            NAME,
            TableColumn.of(
                "Provisioner", "string", "provisioner indicates the type of the" + " provisioner."),
            TableColumn.of(
                "ReclaimPolicy",
                "string",
                "reclaimPolicy controls the"
                    + " reclaimPolicy for dynamically provisioned PersistentVolumes of this storage"
                    + " class."),
            TableColumn.of(
                "VolumeBindingMode",
                "string",
                "volumeBindingMode indicates how"
                    + " PersistentVolumeClaims should be provisioned and bound."),
            TableColumn.of(
                "AllowVolumeExpansion",
                "string",
                "allowVolumeExpansion shows whether" + " the storage class allow volume expand."),
            AGE);
    return new KindPrinter(
        columns,
        o -> {
          JsonNode annotations = o.path("metadata").path("annotations");
          boolean isDefault =
              "true"
                      .equals(
                          annotations.path("storageclass.kubernetes.io/is-default-class").asText())
                  || "true"
                      .equals(
                          annotations
                              .path("storageclass.beta.kubernetes.io/is-default-class")
                              .asText());
          return List.of(
              isDefault ? TableCells.name(o) + " (default)" : TableCells.name(o),
              o.path("provisioner").asText(),
              o.path("reclaimPolicy").asText("Delete"),
              o.path("volumeBindingMode").asText("Immediate"),
              o.path("allowVolumeExpansion").asBoolean(false),
              TableCells.age(o));
        });
  }

  private static KindPrinter binding() {
    List<TableColumn> columns =
        List.of(
            NAME,
            TableColumn.of(
                "Role",
                "string",
                "RoleRef can reference a Role in the current"
                    + " namespace or a ClusterRole in the global namespace."),
            AGE,
            TableColumn.wide("Users", "string", "Users in the roleBinding"),
            TableColumn.wide("Groups", "string", "Groups in the roleBinding"),
            TableColumn.wide("ServiceAccounts", "string", "ServiceAccounts in the roleBinding"));
    return new KindPrinter(
        columns,
        o -> {
          List<String> users = new ArrayList<>();
          List<String> groups = new ArrayList<>();
          List<String> accounts = new ArrayList<>();
          for (JsonNode subject : o.path("subjects")) {
            String name = subject.path("name").asText();
            switch (subject.path("kind").asText()) {
              case "User":
                users.add(name);
                break;
              case "Group":
                groups.add(name);
                break;
              case "ServiceAccount":
                accounts.add(subject.path("namespace").asText("") + "/" + name);
                break;
              default:
                break;
            }
          }
          JsonNode ref = o.path("roleRef");
          return List.of(
              TableCells.name(o),
              ref.path("kind").asText() + "/" + ref.path("name").asText(),
              TableCells.age(o),
              String.join(", ", users),
              String.join(", ", groups),
              String.join(", ", accounts));
        });
  }
}
