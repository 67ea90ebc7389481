/**
 * The Kustomization kind ({@code KustomizationKind}, on the engine's skeleton) and its steps, one
 * class each: {@code KustomizationSpecStep}, {@code SourceStep}, {@code DependencyStep}, {@code
 * RenderStep}, {@code ConnectStep}, {@code ApplyStep} (apply, prune), {@code HealthStep} and, for a
 * deleted Kustomization, {@code GarbageCollectionStep}; inventory and history bookkeeping and event
 * decisions.
 *
 * <p>May use the fabric8 client to read Cairn objects, ConfigMaps and Secrets and to write Events;
 * applies only through cairn-apply's {@code ResourceManager}. No operator-framework types.
 */
package dev.cairn.engine.kustomize;
