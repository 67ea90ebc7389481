package dev.cairn.secrets.sops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A SOPS file read into its branches (one per YAML document) and its {@code sops} metadata. */
record SopsTree(List<ObjectNode> branches, JsonNode metadata) {

  @Override
  public String toString() {
    return "SopsTree[" + branches.size() + " branches]";
  }
}
