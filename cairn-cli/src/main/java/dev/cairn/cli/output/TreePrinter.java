package dev.cairn.cli.output;

import dev.cairn.cli.cluster.InventoryTree.Node;
import java.io.PrintWriter;
import java.util.List;

/** An inventory tree with box-drawing branches, as {@code flux tree} draws it. */
public final class TreePrinter {

  private TreePrinter() {}

  public static void print(PrintWriter out, Node root) {
    out.println(root.label());
    children(out, root.children(), "");
    out.flush();
  }

  private static void children(PrintWriter out, List<Node> nodes, String indent) {
    for (int i = 0; i < nodes.size(); i++) {
      boolean last = i == nodes.size() - 1;
      Node node = nodes.get(i);
      out.println(indent + (last ? "└── " : "├── ") + node.label());
      children(out, node.children(), indent + (last ? "    " : "│   "));
    }
  }
}
