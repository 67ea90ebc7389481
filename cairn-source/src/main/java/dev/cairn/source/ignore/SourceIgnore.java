package dev.cairn.source.ignore;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.ignore.FastIgnoreRule;

/**
 * Ignore rules in {@code .sourceignore} (gitignore) syntax, evaluated like Flux: Flux's default
 * excludes first, then each {@code .sourceignore} file scoped to its directory (shallower first),
 * then the spec's own patterns; the last matching rule wins, so later rules may re-include with
 * {@code !}. A path inside an ignored directory is never reached, as in Git.
 */
public final class SourceIgnore {
  /** The file name Flux reads ignore rules from. */
  public static final String FILE_NAME = ".sourceignore";

  /** Version-control files, always excluded unless re-included. */
  public static final List<String> VCS_PATTERNS =
      List.of(".git/", ".gitignore", ".gitmodules", ".gitattributes");

  /** Flux's other defaults: binary and archive extensions, CI configuration, tool files. */
  public static final List<String> DEFAULT_PATTERNS =
      List.of(
          "*.jpg",
          "*.jpeg",
          "*.gif",
          "*.png",
          "*.wmv",
          "*.flv",
          "*.tar.gz",
          "*.zip",
          ".github/",
          ".circleci/",
          ".travis.yml",
          ".gitlab-ci.yml",
          "appveyor.yml",
          ".drone.yml",
          "cloudbuild.yaml",
          "codeship-services.yml",
          "codeship-steps.yml",
          "**/.goreleaser.yml",
          "**/.sops.yaml",
          "**/.flux.yaml");

  private record ScopedRule(String domain, FastIgnoreRule rule) {}

  private final List<ScopedRule> rules;

  private SourceIgnore(List<ScopedRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** No rules at all. */
  public static SourceIgnore none() {
    return new SourceIgnore(List.of());
  }

  /** Flux's VCS and default excludes. */
  public static SourceIgnore defaults() {
    return none().withPatterns("", VCS_PATTERNS).withPatterns("", DEFAULT_PATTERNS);
  }

  /**
   * Adds patterns (lines of an ignore file; comments and blank lines skipped) that apply below
   * {@code domain}, a slash-separated directory relative to the root ("" for the root).
   */
  public SourceIgnore withPatterns(String domain, List<String> lines) {
    List<ScopedRule> next = new ArrayList<>(rules);
    String cleanDomain = domain == null ? "" : domain.replaceAll("^/+|/+$", "");
    for (String line : lines) {
      if (line == null) {
        continue;
      }
      String pattern = line.stripTrailing();
      if (pattern.isEmpty() || pattern.startsWith("#")) {
        continue;
      }
      next.add(new ScopedRule(cleanDomain, new FastIgnoreRule(pattern)));
    }
    return new SourceIgnore(next);
  }

  /** Adds the content of an ignore file found in directory {@code domain}. */
  public SourceIgnore withFile(String domain, String content) {
    return withPatterns(domain, content.lines().toList());
  }

  /**
   * Whether the slash-separated relative {@code path} is excluded. Callers walk top-down and do not
   * descend into excluded directories.
   */
  public boolean isIgnored(String path, boolean directory) {
    for (int i = rules.size() - 1; i >= 0; i--) {
      ScopedRule scoped = rules.get(i);
      String relative = relativeTo(scoped.domain(), path);
      if (relative != null && scoped.rule().isMatch(relative, directory, true)) {
        return scoped.rule().getResult();
      }
    }
    return false;
  }

  private static String relativeTo(String domain, String path) {
    if (domain.isEmpty()) {
      return path;
    }
    return path.startsWith(domain + "/") ? path.substring(domain.length() + 1) : null;
  }
}
