/**
 * Argo CD's ApplicationSet kind: generators (list, git, clusters, matrix, merge) turn the set into
 * parameter sets, templates (fasttemplate or Go templates) turn each into an Application, and the
 * reconciler creates, updates and deletes the Applications as the set's policy allows, in sync
 * waves and RollingSync steps.
 *
 * <p>Generators and templates are pure functions of the set and two ports ({@link
 * dev.cairn.engine.argo.appset.GitTrees} for repository content, {@link
 * dev.cairn.engine.argo.appset.ClusterSecrets} for Argo CD cluster Secrets); only the kind's steps
 * talk to the cluster.
 */
package dev.cairn.engine.argo.appset;
