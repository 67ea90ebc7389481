package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code status.sync}: Synced or OutOfSync (Unknown before the first comparison) and the
 * revision(s) compared.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppSyncStatus(
    String status, ComparedTo comparedTo, String revision, List<String> revisions) {
  public static final String SYNCED = "Synced";
  public static final String OUT_OF_SYNC = "OutOfSync";
  public static final String UNKNOWN = "Unknown";
}
