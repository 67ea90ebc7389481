/**
 * {@code cairn preview}: a fleet repository rendered offline at two Git revisions, as the
 * controller would render it, and the rendered objects compared per top-level object.
 *
 * <p>{@code FleetRenderer} starts at a path of a revision's tree and expands every top-level object
 * it finds through an {@link dev.cairn.engine.preview.Expander} for its kind ({@code
 * KustomizationExpander}, {@code HelmReleaseExpander}); a new kind (an Argo CD Application, say) is
 * one more expander class. Rendering is the controller's own code ({@code KustomizationRenderer},
 * {@code HelmTemplateRenderer}, {@code ValuesComposition}, {@code ReleaseMetadata}); what the
 * controller reads from the cluster is read from the rendered fleet instead, and what only the
 * cluster has comes from a variables file or is reported as unknown. {@code PreviewDiff} compares
 * two renders; Secret values, SealedSecret data and SOPS values never leave it unmasked.
 *
 * <p>No cluster access here: no fabric8 client, no apply engine.
 */
package dev.cairn.engine.preview;
