/**
 * {@code cairn check}: whether a cluster can run Cairn (its Kubernetes version, the user's
 * permissions to install it) and whether Cairn is installed and running there (its CRDs at the
 * versions this build serves, the controller Deployment).
 */
package dev.cairn.cli.check;
