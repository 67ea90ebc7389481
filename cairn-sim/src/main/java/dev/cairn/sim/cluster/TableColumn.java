package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One column of a server-side {@code Table} ({@code meta.k8s.io/v1 TableColumnDefinition}), as
 * kube-apiserver's printers ({@code pkg/printers/internalversion/printers.go}) or a CRD's {@code
 * additionalPrinterColumns} define it.
 *
 * @param type {@code string}, {@code integer}, {@code number}, {@code boolean} or {@code date}
 * @param format {@code name} for the object's name column, else empty
 * @param priority 0 for the default view, 1 for {@code -o wide} only
 */
record TableColumn(String name, String type, String format, String description, int priority) {
  static final TableColumn NAME =
      new TableColumn(
          "Name",
          "string",
          "name",
          "Name must be unique within a namespace. Is required when creating resources, although"
              + " some resources may allow a client to request the generation of an appropriate"
              + " name automatically.",
          0);
  static final TableColumn AGE =
      new TableColumn(
          "Age",
          "string",
          "",
          "CreationTimestamp is a timestamp representing the server time when this object was"
              + " created.",
          0);

  static TableColumn of(String name, String type, String description) {
    return new TableColumn(name, type, "", description, 0);
  }

  static TableColumn wide(String name, String type, String description) {
    return new TableColumn(name, type, "", description, 1);
  }

  void writeTo(ObjectNode definition) {
    definition.put("name", name).put("type", type).put("format", format);
    definition.put("description", description).put("priority", priority);
  }
}
