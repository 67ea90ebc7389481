package dev.cairn.api.argo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A time window in which syncs are allowed or denied ({@code kind: allow|deny}, cron {@code
 * schedule}, {@code duration}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SyncWindow(
    String kind,
    String schedule,
    String duration,
    List<String> applications,
    List<String> namespaces,
    List<String> clusters,
    Boolean manualSync,
    String timeZone,
    Boolean andOperator,
    String description) {}
