/**
 * A native Kustomize engine: a directory in, ordered objects out.
 *
 * <p>A standalone library: depends only on cairn-manifest. Never imports a Kubernetes client and
 * never reads outside the kustomization root.
 */
package dev.cairn.kustomize;
