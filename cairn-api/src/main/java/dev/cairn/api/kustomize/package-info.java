/**
 * The {@code Kustomization} kind, shaped like Flux's {@code kustomize.toolkit.fluxcd.io/v1}: spec
 * records, status bean, and the enums of its fields. No build or apply code lives here.
 */
package dev.cairn.api.kustomize;
