package dev.cairn.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.argo.AppSyncStatus;
import dev.cairn.api.argo.ApplicationStatus;
import dev.cairn.api.kustomize.KustomizationStatus;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectFieldsTest {
  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
  private final ObjectFields fields = new ObjectFields(new KubernetesSerialization());

  @Test
  void aKustomizationsRevisionIsItsLastAttemptedOne() {
    KustomizationStatus status = new KustomizationStatus();
    status.setLastAppliedRevision("main@sha1:old");
    status.setLastAttemptedRevision("main@sha1:new");

    assertThat(fields.revision(status)).isEqualTo("main@sha1:new");
  }

  @Test
  void anApplicationsRevisionIsTheSyncedCommit() {
    ApplicationStatus status = new ApplicationStatus();
    status.setSync(new AppSyncStatus(AppSyncStatus.SYNCED, null, COMMIT, null));

    assertThat(fields.revision(status)).isEqualTo(COMMIT);
  }

  @Test
  void anApplicationOfSeveralSourcesNamesEachRevision() {
    ApplicationStatus status = new ApplicationStatus();
    status.setSync(new AppSyncStatus(AppSyncStatus.SYNCED, null, null, List.of(COMMIT, "1.2.3")));

    assertThat(fields.revision(status)).isEqualTo(COMMIT + ",1.2.3");
  }

  @Test
  void aStatusWithoutRevisionGivesNone() {
    assertThat(fields.revision(new ApplicationStatus())).isEmpty();
    assertThat(fields.revision(null)).isEmpty();
  }
}
