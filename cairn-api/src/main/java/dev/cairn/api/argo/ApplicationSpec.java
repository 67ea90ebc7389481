package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/** What an Application deploys and how; fields as in Argo CD's {@code ApplicationSpec}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApplicationSpec(
    ApplicationSource source,
    List<ApplicationSource> sources,
    @Required ApplicationDestination destination,
    @Required String project,
    SyncPolicy syncPolicy,
    List<ResourceIgnoreDifferences> ignoreDifferences,
    List<InfoItem> info,
    Long revisionHistoryLimit) {

  /** Argo CD keeps 10 history entries unless {@code revisionHistoryLimit} says otherwise. */
  public static final long DEFAULT_REVISION_HISTORY_LIMIT = 10;

  /** {@code sources} when set, else the single {@code source} (empty when neither is). */
  public List<ApplicationSource> effectiveSources() {
    if (sources != null && !sources.isEmpty()) {
      return sources;
    }
    return source == null ? List.of() : List.of(source);
  }

  /** True when the Application uses {@code sources} (multi-source). */
  public boolean multiSource() {
    return sources != null && !sources.isEmpty();
  }

  /** The sync options, never null. */
  public List<String> syncOptions() {
    return syncPolicy == null || syncPolicy.syncOptions() == null
        ? List.of()
        : syncPolicy.syncOptions();
  }

  /** The automated policy when set and enabled, else null (manual sync only). */
  public SyncPolicyAutomated automated() {
    return syncPolicy == null || syncPolicy.automated() == null || !syncPolicy.automated().active()
        ? null
        : syncPolicy.automated();
  }

  public long effectiveRevisionHistoryLimit() {
    return revisionHistoryLimit == null ? DEFAULT_REVISION_HISTORY_LIMIT : revisionHistoryLimit;
  }
}
