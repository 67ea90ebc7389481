package dev.cairn.api.source;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether the selected layer is extracted (a tarball) or stored as is. */
public enum OciLayerOperation {
  @JsonProperty("extract")
  EXTRACT,
  @JsonProperty("copy")
  COPY
}
