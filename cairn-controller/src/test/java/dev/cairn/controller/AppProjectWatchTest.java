package dev.cairn.controller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.api.argo.AppProject;
import dev.cairn.api.argo.Application;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

/** Applications run again when their AppProject is created or its spec changes. */
class AppProjectWatchTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();
  private final SourceWatch<Application, AppProject> watch =
      SourceWatches.applicationsOnAppProjects();

  static Application app(String project) {
    return JSON.unmarshal(
        """
        apiVersion: cairn.dev/v1
        kind: Application
        metadata: {name: web, namespace: argocd}
        spec:
          project: %s
          source: {repoURL: "https://example.com/repo.git", path: app}
          destination: {server: "https://kubernetes.default.svc"}
        """
            .formatted(project),
        Application.class);
  }

  static AppProject project(long generation) {
    AppProject project =
        JSON.unmarshal(
            """
            apiVersion: cairn.dev/v1
            kind: AppProject
            metadata: {name: team, namespace: argocd}
            spec: {sourceRepos: ["*"]}
            """,
            AppProject.class);
    project.getMetadata().setGeneration(generation);
    return project;
  }

  @Test
  void anApplicationRefersToTheProjectOfItsNamespace() {
    assertThat(watch.keysOf(app("team"))).containsExactly("argocd/team");
  }

  @Test
  void aNewProjectOrANewGenerationRunsItsApplicationsAndAStatusWriteDoesNot() {
    assertThat(watch.revisionChanged(project(1), null)).isTrue();
    assertThat(watch.revisionChanged(project(2), project(1))).isTrue();
    assertThat(watch.revisionChanged(project(2), project(2))).isFalse();
  }
}
