package dev.cairn.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import io.javaoperatorsdk.operator.processing.event.source.ResourceEventAware;
import io.javaoperatorsdk.operator.processing.event.source.informer.ManagedInformerEventSource;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A {@link SourceWatch} whose sources are of the controller's own kind (a Kustomization's {@code
 * dependsOn}, a GitRepository's {@code include}), served by the controller's informer: the SDK
 * hands every event of its primaries, status updates included, to this source before filtering
 * them, and a changed revision triggers the objects that refer to the changed one. A second watch
 * of the kind would deserialize and hold every object of the kind once more.
 */
final class PrimarySourceEvents<P extends HasMetadata> extends AbstractEventSource<P, P>
    implements ResourceEventAware<P> {
  private final SourceWatch<P, P> watch;
  private final EventSourceContext<P> context;
  private final String index;
  private final Consumer<ResourceID> triggered;

  private PrimarySourceEvents(
      SourceWatch<P, P> watch,
      EventSourceContext<P> context,
      String index,
      Consumer<ResourceID> triggered) {
    super(watch.sourceClass(), index);
    this.watch = watch;
    this.context = context;
    this.index = index;
    this.triggered = triggered;
  }

  /**
   * Indexes the primaries by the sources they refer to and, when the primary cache is the
   * controller's informer, lets {@code cache} answer reads of the kind from it.
   */
  static <P extends HasMetadata> PrimarySourceEvents<P> create(
      SourceWatch<P, P> watch,
      EventSourceContext<P> context,
      Consumer<ResourceID> triggered,
      WatchedSources cache) {
    String index = "sources." + HasMetadata.getFullResourceName(watch.sourceClass());
    context.getPrimaryCache().addIndexer(index, watch::keysOf);
    if (cache != null
        && context.getPrimaryCache() instanceof ManagedInformerEventSource<?, ?, ?> i) {
      cache.serve(watch.sourceClass(), i);
    }
    return new PrimarySourceEvents<>(watch, context, index, triggered);
  }

  @Override
  public void onResourceUpdated(P after, P before) {
    if (!watch.revisionChanged(after, before)) {
      return;
    }
    String key = SourceWatch.key(after.getMetadata().getNamespace(), after.getMetadata().getName());
    Set<ResourceID> dependents =
        context.getPrimaryCache().byIndex(index, key).stream()
            .map(ResourceID::fromResource)
            .collect(Collectors.toSet());
    for (ResourceID dependent : dependents) {
      triggered.accept(dependent);
      getEventHandler().handleEvent(new Event(dependent));
    }
  }

  @Override
  public Set<P> getSecondaryResources(P primary) {
    return Set.of();
  }
}
