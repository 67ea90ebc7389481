/**
 * The notification kinds on the step skeleton: Provider and Alert (their specs and Secrets checked,
 * {@code Ready} says whether events can go through them), Receiver (its webhook path), and {@link
 * dev.cairn.engine.notification.ClusterRoutes}, which reads Alerts, Providers and their Secrets
 * from the cluster for {@code cairn-notify}'s pipeline. No secret value leaves this package except
 * into the pipeline's provider settings.
 */
package dev.cairn.engine.notification;
