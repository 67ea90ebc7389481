package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The Table columns of a custom resource version, as apiextensions-apiserver's table convertor
 * builds them: NAME, then the version's {@code additionalPrinterColumns} (a JSONPath each), or only
 * AGE when it declares none. Cells are typed by the column's type ({@code integer}, {@code number},
 * {@code boolean}, {@code string}, {@code date} printed as an age); a value of another type, or
 * nothing found, is an empty cell; several values are joined by spaces.
 */
final class CustomResourceColumns {
  private CustomResourceColumns() {}

  static KindPrinter printer(JsonNode declared) {
    List<TableColumn> columns = new ArrayList<>();
    List<JsonPathQuery> queries = new ArrayList<>();
    columns.add(TableColumn.NAME);
    if (declared == null || declared.isEmpty()) {
      columns.add(new TableColumn("Age", "date", "", TableColumn.AGE.description(), 0));
      queries.add(JsonPathQuery.parse(".metadata.creationTimestamp"));
    } else {
      for (JsonNode column : declared) {
        columns.add(
            new TableColumn(
                column.path("name").asText(),
                column.path("type").asText(),
                column.path("format").asText(""),
                column.path("description").asText(""),
                column.path("priority").asInt(0)));
        queries.add(JsonPathQuery.parse(column.path("jsonPath").asText()));
      }
    }
    List<TableColumn> fixed = List.copyOf(columns);
    return new KindPrinter(
        fixed,
        o -> {
          List<Object> cells = new ArrayList<>();
          cells.add(TableCells.name(o));
          for (int i = 0; i < queries.size(); i++) {
            cells.add(cell(fixed.get(i + 1).type(), queries.get(i).find(o)));
          }
          return cells;
        });
  }

  private static Object cell(String type, List<JsonNode> values) {
    if (values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      List<String> texts = new ArrayList<>();
      values.forEach(v -> texts.add(v.isValueNode() ? v.asText() : Json.write(v)));
      return String.join(" ", texts);
    }
    JsonNode value = values.get(0);
    switch (type) {
      case "integer":
        return value.isNumber() ? value.asLong() : null;
      case "number":
        return value.isNumber() ? value.asDouble() : null;
      case "boolean":
        return value.isBoolean() ? value.asBoolean() : null;
      case "string":
        return value.isTextual() ? value.asText() : null;
      case "date":
        return value.isTextual() ? HumanDuration.since(value.asText()) : null;
      default:
        return null;
    }
  }
}
