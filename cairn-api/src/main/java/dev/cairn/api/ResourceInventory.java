package dev.cairn.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/** The objects a Kustomization applied last, used to prune what is gone from the source. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResourceInventory(@Required List<InventoryEntry> entries) {

  public ResourceInventory {
    entries = entries == null ? List.of() : List.copyOf(entries);
  }
}
