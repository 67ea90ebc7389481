package dev.cairn.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;

/**
 * One object in an inventory, as Flux stores it.
 *
 * @param id the object's {@link InventoryId} in string form
 * @param v the object's API version (without group), e.g. {@code v1}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record InventoryEntry(@Required String id, @Required String v) {

  public static InventoryEntry of(InventoryId id, String version) {
    return new InventoryEntry(id.format(), version);
  }

  /** Builds the entry of an object from its apiVersion ({@code group/version} or {@code v1}). */
  public static InventoryEntry of(String apiVersion, String kind, String namespace, String name) {
    int slash = apiVersion.lastIndexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    return of(new InventoryId(namespace, name, group, kind), version);
  }

  /** The parsed id; throws {@link IllegalArgumentException} for a malformed one. */
  public InventoryId objectId() {
    return InventoryId.parse(id);
  }
}
