package dev.cairn.engine.argo;

import dev.cairn.api.ConditionReasons;
import dev.cairn.api.argo.ApplicationSource;
import dev.cairn.api.argo.SyncOperation;
import dev.cairn.engine.ReconcileException;
import dev.cairn.engine.StepResult;
import dev.cairn.source.SourceException;
import dev.cairn.source.git.GitFetcher;
import dev.cairn.source.git.GitSourceSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Step {@code fetchSources}: fetches each Git source of the Application with the same {@link
 * GitFetcher} (mirrors, artifact store, URL rewrites) as the GitRepository kind, through the
 * checkouts all Applications of a repository share ({@link RepositoryCheckouts}): the run reads a
 * read-only tree of the commit, never writes into it. {@code targetRevision} is {@code HEAD} (the
 * remote's default branch; also when empty), a branch, a tag or a 40-hex commit, as in Argo CD; a
 * requested sync's {@code revision} (or {@code revisions}, one per source) takes its place for that
 * sync. A source that cannot be fetched fails the run with Argo CD's {@code ComparisonError} and
 * nothing is applied.
 */
final class SourcesStep {
  static final String SOURCE_KIND = "application";

  private final RepositoryCheckouts checkouts;
  private final ChartSources charts;

  SourcesStep(GitFetcher git, ChartSources charts) {
    this.checkouts = new RepositoryCheckouts(git);
    this.charts = charts;
  }

  /** Deletes the shared checkouts (no run may still be reading one). */
  void close() {
    checkouts.close();
  }

  StepResult fetch(ApplicationRun run) {
    List<ApplicationSource> sources = run.spec().effectiveSources();
    long asOf = checkouts.now();
    for (int i = 0; i < sources.size(); i++) {
      ApplicationSource source = atRequestedRevision(run, i, sources.get(i));
      try {
        if (source.fromHelmRepository()) {
          run.addSource(charts.fetch(run, source));
        } else {
          run.addSource(fetchGit(run, source, asOf));
        }
      } catch (SourceException e) {
        throw new ReconcileException.Failed(
            ConditionReasons.ARTIFACT_FAILED,
            "Failed to load target state: failed to generate manifest for source "
                + (i + 1)
                + " of "
                + sources.size()
                + ": "
                + e.getMessage());
      }
    }
    return StepResult.proceed();
  }

  /**
   * The source at the revision a requested sync names ({@code operation.sync.revision} for a single
   * source, {@code revisions[i]} for source i of several), else as in the spec.
   */
  static ApplicationSource atRequestedRevision(
      ApplicationRun run, int index, ApplicationSource source) {
    SyncOperation requested = run.requestedSync();
    if (requested == null) {
      return source;
    }
    String revision =
        run.spec().multiSource()
            ? requested.revisions() != null && index < requested.revisions().size()
                ? requested.revisions().get(index)
                : null
            : requested.revision();
    if (revision == null || revision.isBlank()) {
      return source;
    }
    return new ApplicationSource(
        source.repoURL(),
        source.path(),
        revision.strip(),
        source.helm(),
        source.kustomize(),
        source.directory(),
        source.plugin(),
        source.chart(),
        source.ref(),
        source.name());
  }

  private CheckedOutSource fetchGit(ApplicationRun run, ApplicationSource source, long asOf)
      throws SourceException {
    RepositoryCheckouts.Checkout checkout =
        checkouts.checkout(
            new RepositoryCheckouts.Request(
                GitSourceSpec.of(source.repoURL()), source.targetRevision()),
            asOf);
    run.holdLease(checkout.lease());
    return new CheckedOutSource(source, checkout.lease().dir(), checkout.commit());
  }

  static Path workDir(ApplicationRun run) {
    try {
      Path dir = Files.createTempDirectory("cairn-application-");
      run.ownWorkDir(dir);
      return dir;
    } catch (IOException e) {
      throw new ReconcileException.Failed(
          ConditionReasons.ARTIFACT_FAILED, "cannot create a working directory: " + e.getMessage());
    }
  }
}
