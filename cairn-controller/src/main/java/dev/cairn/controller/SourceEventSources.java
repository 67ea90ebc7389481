package dev.cairn.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Builds the informer event source of a {@link SourceWatch}: the primaries are indexed by the
 * sources they refer to, and a source event maps to the primaries in its index entry. Only a
 * changed revision is an event (status updates without one, spec edits and deletions are not: the
 * dependents notice those at their own interval). The informer also answers the dependents' reads
 * of their sources ({@link WatchedSources}). Sources of the primary kind itself are served by
 * {@link PrimarySourceEvents} instead. Source kinds are watched whole, without the controller's
 * label selector, since a shard may use a source it does not reconcile (a HelmChart generated
 * without the shard's label).
 */
final class SourceEventSources {
  private SourceEventSources() {}

  static <P extends HasMetadata, R extends HasMetadata> InformerEventSource<R, P> create(
      SourceWatch<P, R> watch,
      EventSourceContext<P> context,
      Consumer<ResourceID> triggered,
      WatchedSources cache) {
    String index = "sources." + HasMetadata.getFullResourceName(watch.sourceClass());
    context.getPrimaryCache().addIndexer(index, watch::keysOf);
    InformerEventSourceConfiguration<R> configuration =
        InformerEventSourceConfiguration.from(
                watch.sourceClass(), context.getPrimaryResourceClass())
            .withName(index)
            .withSecondaryToPrimaryMapper(source -> dependents(context, index, source))
            .withOnAddFilter(source -> false)
            .withOnUpdateFilter(
                (after, before) -> {
                  boolean changed = watch.revisionChanged(after, before);
                  if (changed) {
                    dependents(context, index, after).forEach(triggered);
                  }
                  return changed;
                })
            .withOnDeleteFilter((source, unknownState) -> false)
            .build();
    InformerEventSource<R, P> informer = new InformerEventSource<>(configuration, context);
    if (cache != null) {
      cache.serve(watch.sourceClass(), informer);
    }
    return informer;
  }

  private static <P extends HasMetadata> Set<ResourceID> dependents(
      EventSourceContext<P> context, String index, HasMetadata source) {
    String key =
        SourceWatch.key(source.getMetadata().getNamespace(), source.getMetadata().getName());
    return context.getPrimaryCache().byIndex(index, key).stream()
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }
}
