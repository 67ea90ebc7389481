package dev.cairn.engine.notification;

import dev.cairn.api.FluxApiVersions;
import dev.cairn.api.notification.Alert;
import dev.cairn.api.notification.AlertSpec;
import dev.cairn.api.notification.EventSourceReference;
import dev.cairn.notify.AlertRule;
import dev.cairn.notify.BoundedRegex;
import dev.cairn.notify.SourceSelector;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** An Alert object as the pipeline's {@link AlertRule}. */
final class AlertRules {
  private AlertRules() {}

  /**
   * @throws IllegalArgumentException naming the field when an expression does not compile
   */
  static AlertRule of(Alert alert) {
    AlertSpec spec = alert.getSpec();
    String namespace = alert.getMetadata().getNamespace();
    return new AlertRule(
        namespace,
        alert.getMetadata().getName(),
        spec.providerRef().name(),
        spec.eventSeverity(),
        selectors(spec.eventSources(), namespace),
        regexes("spec.inclusionList", spec.inclusionList()),
        regexes("spec.exclusionList", spec.exclusionList()),
        spec.eventMetadata(),
        spec.summary(),
        Boolean.TRUE.equals(spec.suspend()));
  }

  static List<SourceSelector> selectors(List<EventSourceReference> refs, String namespace) {
    return refs == null
        ? List.of()
        : refs.stream()
            .map(
                r ->
                    new SourceSelector(
                        r.kind(),
                        r.name(),
                        r.namespace() == null || r.namespace().isEmpty()
                            ? namespace
                            : r.namespace(),
                        r.matchLabels(),
                        apiVersions(r.apiVersion())))
            .toList();
  }

  /** The apiVersion as written and, for a Flux one, the Cairn one its objects are read as. */
  private static Set<String> apiVersions(String apiVersion) {
    if (apiVersion == null || apiVersion.isEmpty()) {
      return Set.of();
    }
    Set<String> versions = new HashSet<>();
    versions.add(apiVersion);
    FluxApiVersions.toCairn(apiVersion).ifPresent(versions::add);
    return versions;
  }

  private static List<BoundedRegex> regexes(String field, List<String> expressions) {
    if (expressions == null) {
      return List.of();
    }
    return expressions.stream()
        .map(
            e -> {
              try {
                return BoundedRegex.compile(e);
              } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(field + ": " + ex.getMessage(), ex);
              }
            })
        .toList();
  }
}
