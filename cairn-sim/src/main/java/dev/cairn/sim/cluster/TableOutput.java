package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Server-side Table output ({@code meta.k8s.io/v1 Table}), what kube-apiserver answers a GET or
 * list whose {@code Accept} header asks for {@code application/json;as=Table;v=v1;g=meta.k8s.io}
 * (as kubectl's {@code get} does): the kind's column definitions and one row of cells per object,
 * each row carrying the object as {@code PartialObjectMetadata} (the default {@code
 * includeObject=Metadata}, managedFields left out), the whole object ({@code Object}) or nothing
 * ({@code None}). Built-in kinds print as {@code pkg/printers/internalversion} prints them, custom
 * resources through their CRD's {@code additionalPrinterColumns}, other kinds as NAME and AGE.
 */
final class TableOutput {
  private static final Map<String, KindPrinter> BUILT_IN = builtIn();

  private final ResourceTypes types;

  TableOutput(ResourceTypes types) {
    this.types = types;
  }

  private static Map<String, KindPrinter> builtIn() {
    Map<String, KindPrinter> printers = new HashMap<>();
    WorkloadPrinters.register(printers);
    CorePrinters.register(printers);
    ClusterPrinters.register(printers);
    return Map.copyOf(printers);
  }

  /**
   * The Table version the request's Accept header asks for ({@code v1}, {@code v1beta1}), or null.
   */
  static String requestedVersion(ApiRequest request) {
    String accept = request.accept();
    if (accept == null) {
      return null;
    }
    for (String media : accept.split(",")) {
      String m = media.replace(" ", "");
      if (m.startsWith("application/json")
          && m.contains(";as=Table")
          && m.contains(";g=meta.k8s.io")) {
        if (m.contains(";v=v1beta1")) {
          return "v1beta1";
        }
        if (m.contains(";v=v1")) {
          return "v1";
        }
      }
    }
    return null;
  }

  static String contentType(String version) {
    return "application/json;as=Table;v=" + version + ";g=meta.k8s.io";
  }

  String table(
      ApiRequest request, ResourceType type, List<JsonNode> objects, String resourceVersion) {
    KindPrinter printer = printerOf(type);
    ObjectNode table = Json.MAPPER.createObjectNode();
    table.put("kind", "Table").put("apiVersion", "meta.k8s.io/" + requestedVersion(request));
    table.putObject("metadata").put("resourceVersion", resourceVersion);
    ArrayNode definitions = table.putArray("columnDefinitions");
    printer.columns().forEach(c -> c.writeTo(definitions.addObject()));
    ArrayNode rows = table.putArray("rows");
    String include = request.query().getOrDefault("includeObject", "Metadata");
    for (JsonNode object : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      printer.cells().apply(object).forEach(cell -> cells.add(Json.MAPPER.valueToTree(cell)));
      if (include.equals("Object")) {
        row.set("object", object);
      } else if (!include.equals("None")) {
        row.set("object", partialMetadata(object));
      }
    }
    return Json.write(table);
  }

  private KindPrinter printerOf(ResourceType type) {
    if (type.custom()) {
      return CustomResourceColumns.printer(types.printerColumns(type));
    }
    return BUILT_IN.getOrDefault(type.qualifiedPlural(), KindPrinter.DEFAULT);
  }

  private static ObjectNode partialMetadata(JsonNode object) {
    ObjectNode partial = Json.MAPPER.createObjectNode();
    partial.put("kind", "PartialObjectMetadata").put("apiVersion", "meta.k8s.io/v1");
    ObjectNode metadata = object.path("metadata").deepCopy();
    metadata.remove("managedFields");
    partial.set("metadata", metadata);
    return partial;
  }
}
