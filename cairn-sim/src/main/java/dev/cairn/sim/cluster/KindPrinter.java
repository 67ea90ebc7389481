package dev.cairn.sim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;

/**
 * How the server prints one kind as Table rows: the column definitions and the cells of one object
 * (all columns, wide ones included, as kube-apiserver generates them; kubectl hides priority 1
 * columns unless {@code -o wide}).
 */
record KindPrinter(List<TableColumn> columns, Function<JsonNode, List<Object>> cells) {

  /** The default for kinds without columns of their own: NAME and AGE ({@code printObjectMeta}). */
  static final KindPrinter DEFAULT =
      new KindPrinter(
          List.of(TableColumn.NAME, TableColumn.AGE),
          o -> List.of(TableCells.name(o), TableCells.age(o)));
}
