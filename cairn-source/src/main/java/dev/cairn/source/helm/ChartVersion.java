package dev.cairn.source.helm;

import java.util.List;

/**
 * One chart version listed in a repository index.
 *
 * @param name chart name
 * @param version chart version (semver)
 * @param urls where the packaged chart can be downloaded, absolute or relative to the repository
 * @param digest hex sha256 of the packaged chart, or empty if the index gives none
 */
public record ChartVersion(String name, String version, List<String> urls, String digest) {
  public ChartVersion {
    urls = List.copyOf(urls);
    digest = digest == null ? "" : digest;
  }
}
