package dev.cairn.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Alert as the pipeline uses it: which events ({@code eventSources}, {@code eventSeverity},
 * {@code inclusionList}/{@code exclusionList}) go to which Provider, with what added ({@code
 * eventMetadata}, {@code summary}).
 */
public record AlertRule(
    String namespace,
    String name,
    String provider,
    String severity,
    List<SourceSelector> sources,
    List<BoundedRegex> inclusions,
    List<BoundedRegex> exclusions,
    Map<String, String> eventMetadata,
    String summary,
    boolean suspended) {
  private static final Logger LOG = LoggerFactory.getLogger(AlertRule.class);

  public AlertRule {
    severity = severity == null ? NotifyEvent.INFO : severity;
    sources = List.copyOf(sources);
    inclusions = inclusions == null ? List.of() : List.copyOf(inclusions);
    exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
    eventMetadata = eventMetadata == null ? Map.of() : Map.copyOf(eventMetadata);
  }

  public String id() {
    return namespace + "/" + name;
  }

  /**
   * True when this Alert sends {@code event}: not suspended, severity {@code info} (everything) or
   * equal to the event's, an event source naming the object, a message matching an inclusion (when
   * any) and no exclusion. An expression that runs out of {@code regexLimit} counts as not
   * matching.
   */
  public boolean matches(NotifyEvent event, Duration regexLimit) {
    if (suspended) {
      return false;
    }
    if (!NotifyEvent.INFO.equals(severity) && !severity.equals(event.severity())) {
      return false;
    }
    if (sources.stream().noneMatch(s -> s.matches(event.object()))) {
      return false;
    }
    if (!inclusions.isEmpty()
        && inclusions.stream().noneMatch(r -> find(r, event.message(), regexLimit))) {
      return false;
    }
    return exclusions.stream().noneMatch(r -> find(r, event.message(), regexLimit));
  }

  /** What the Provider receives: the event with {@code eventMetadata} and {@code summary}. */
  public NotifyEvent notification(NotifyEvent event) {
    NotifyEvent out = event.withExtraMetadata(eventMetadata);
    return summary == null || summary.isEmpty()
        ? out
        : out.withMetadata(NotifyEvent.SUMMARY, summary);
  }

  private boolean find(BoundedRegex regex, String message, Duration limit) {
    try {
      return regex.find(message == null ? "" : message, limit);
    } catch (BoundedRegex.TimedOut e) {
      LOG.warn("Alert {}: {}; counted as not matching", id(), e.getMessage());
      return false;
    }
  }
}
