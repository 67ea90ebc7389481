/**
 * The image automation kinds on the engine's skeleton: {@link
 * dev.cairn.engine.image.ImageRepositoryKind} scans a registry into the controller's tag store,
 * {@link dev.cairn.engine.image.ImagePolicyKind} picks a tag from it, {@link
 * dev.cairn.engine.image.ImageUpdateAutomationKind} writes the picks to Git. The registry, policy,
 * setter and Git work is cairn-image's; these classes read the cluster and keep the status.
 */
package dev.cairn.engine.image;
