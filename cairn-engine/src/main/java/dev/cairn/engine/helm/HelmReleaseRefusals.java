package dev.cairn.engine.helm;

import dev.cairn.engine.FieldRefusal;
import dev.cairn.engine.SourceApiVersions;
import java.util.List;

/**
 * The HelmRelease fields Cairn accepts in its schema but does not act on yet; they stall. A field
 * that becomes implemented loses its line here and its row in the field-coverage table turns to
 * {@code implemented}.
 */
public final class HelmReleaseRefusals {
  private static final String NOT_YET = "is not supported for HelmReleases yet";

  public static final List<FieldRefusal> FIELDS =
      List.of(
          FieldRefusal.of("spec.persistentClient", NOT_YET),
          FieldRefusal.of("spec.postRenderStrategy", NOT_YET),
          FieldRefusal.unless("spec.waitStrategy.name", NOT_YET + " (Cairn polls)", "poller"),
          FieldRefusal.of("spec.driftDetection.ignore", NOT_YET),
          FieldRefusal.of("spec.test", NOT_YET + ": Helm test hooks are not run"),
          FieldRefusal.of("spec.chart.spec.verify", NOT_YET + ": charts are not verified"),
          SourceApiVersions.refusal("spec.chart.spec.sourceRef.apiVersion"),
          SourceApiVersions.refusal("spec.chartRef.apiVersion"),
          FieldRefusal.of("spec.install.strategy", NOT_YET),
          FieldRefusal.of("spec.install.remediation.ignoreTestFailures", NOT_YET),
          FieldRefusal.of("spec.install.disableOpenAPIValidation", NOT_YET),
          FieldRefusal.of("spec.install.disableSchemaValidation", NOT_YET),
          FieldRefusal.of("spec.install.replace", NOT_YET),
          FieldRefusal.of("spec.install.disableTakeOwnership", NOT_YET),
          FieldRefusal.unless(
              "spec.install.serverSideApply",
              NOT_YET + " (Cairn always applies server-side)",
              "true"),
          FieldRefusal.of("spec.upgrade.strategy", NOT_YET),
          FieldRefusal.of("spec.upgrade.remediation.ignoreTestFailures", NOT_YET),
          FieldRefusal.of("spec.upgrade.disableOpenAPIValidation", NOT_YET),
          FieldRefusal.of("spec.upgrade.disableSchemaValidation", NOT_YET),
          FieldRefusal.of("spec.upgrade.disableTakeOwnership", NOT_YET),
          FieldRefusal.unless(
              "spec.upgrade.serverSideApply",
              NOT_YET + " (Cairn always applies server-side)",
              "enabled",
              "auto"),
          FieldRefusal.of("spec.upgrade.chartNameChangeStrategy", NOT_YET),
          FieldRefusal.of("spec.kubeConfig.configMapRef", NOT_YET + ": use kubeConfig.secretRef"),
          FieldRefusal.of("spec.rollback.recreate", NOT_YET + ": objects are not recreated"),
          FieldRefusal.unless(
              "spec.rollback.serverSideApply",
              NOT_YET + " (Cairn always applies server-side)",
              "enabled",
              "auto"),
          FieldRefusal.of("spec.uninstall.disableHooks", NOT_YET),
          FieldRefusal.of("spec.uninstall.disableWait", NOT_YET),
          FieldRefusal.unless(
              "spec.uninstall.deletionPropagation",
              NOT_YET + " (objects are deleted with background propagation)",
              "background"));

  private HelmReleaseRefusals() {}
}
