/**
 * The {@code HelmRelease} kind, shaped like Flux's {@code helm.toolkit.fluxcd.io/v2}: spec records
 * (chart template, install/upgrade/rollback/uninstall/test options, values references), status bean
 * and release snapshots. No Helm calls live here.
 */
package dev.cairn.api.helm;
