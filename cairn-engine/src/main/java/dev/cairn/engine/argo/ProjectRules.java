package dev.cairn.engine.argo;

import dev.cairn.api.argo.AppProjectSpec;
import dev.cairn.api.argo.ApplicationDestination;
import dev.cairn.api.argo.ApplicationSource;
import dev.cairn.api.argo.ResourceGroupKind;
import dev.cairn.manifest.KubeObject;
import java.util.List;
import java.util.Optional;

/**
 * The rules of an AppProject, with Argo CD's messages: which repositories an Application may take
 * sources from ({@code sourceRepos}), where it may deploy ({@code destinations}: server, name and
 * namespace globs, a leading {@code !} denies and wins) and which kinds it may deploy ({@code
 * cluster/namespaceResourceWhitelist/Blacklist}; an empty cluster whitelist allows no
 * cluster-scoped kind, as in Argo CD). A null spec is the implicit {@code default} project, which
 * allows everything. Pure.
 */
final class ProjectRules {
  private final String project;
  private final AppProjectSpec spec;

  ProjectRules(String project, AppProjectSpec spec) {
    this.project = project;
    this.spec = spec;
  }

  /** The first rule the Application's sources or destination break, in Argo CD's words. */
  Optional<String> checkApplication(List<ApplicationSource> sources, ApplicationDestination dest) {
    if (spec == null) {
      return Optional.empty();
    }
    for (ApplicationSource source : sources) {
      if (!permitted(spec.sourceRepos(), source.repoURL())) {
        return Optional.of(
            "application repo "
                + source.repoURL()
                + " is not permitted in project '"
                + project
                + "'");
      }
    }
    if (!destinationPermitted(dest)) {
      return Optional.of(
          "application destination server '"
              + nullToEmpty(dest.server())
              + "' and namespace '"
              + nullToEmpty(dest.namespace())
              + "' do not match any of the allowed destinations in project '"
              + project
              + "'");
    }
    return Optional.empty();
  }

  /** The first object of a kind the project does not permit, in Argo CD's words. */
  Optional<String> checkResources(List<KubeObject> objects) {
    if (spec == null) {
      return Optional.empty();
    }
    for (KubeObject object : objects) {
      String group = object.gvk().group();
      String kind = object.kind();
      boolean clusterScoped = object.namespace() == null || object.namespace().isEmpty();
      boolean allowed =
          clusterScoped
              ? listed(spec.clusterResourceWhitelist(), group, kind)
                  && !listed(spec.clusterResourceBlacklist(), group, kind)
              : (empty(spec.namespaceResourceWhitelist())
                      || listed(spec.namespaceResourceWhitelist(), group, kind))
                  && !listed(spec.namespaceResourceBlacklist(), group, kind);
      if (!allowed) {
        return Optional.of(
            "resource " + group + ":" + kind + " is not permitted in project " + project + ".");
      }
    }
    return Optional.empty();
  }

  private boolean destinationPermitted(ApplicationDestination dest) {
    List<ApplicationDestination> rules = spec.destinations();
    if (rules == null) {
      return false;
    }
    boolean allowed = false;
    for (ApplicationDestination rule : rules) {
      boolean deny =
          startsWithBang(rule.server())
              || startsWithBang(rule.name())
              || startsWithBang(rule.namespace());
      boolean matches =
          clusterMatches(rule, dest)
              && ArgoGlob.matches(strip(rule.namespace()), nullToEmpty(dest.namespace()));
      if (deny && matches) {
        return false;
      }
      if (!deny && matches) {
        allowed = true;
      }
    }
    return allowed;
  }

  private static boolean clusterMatches(ApplicationDestination rule, ApplicationDestination dest) {
    if (rule.server() != null && !rule.server().isEmpty()) {
      return ArgoGlob.matches(strip(rule.server()), Destinations.server(dest));
    }
    if (rule.name() != null && !rule.name().isEmpty()) {
      return ArgoGlob.matches(strip(rule.name()), Destinations.name(dest));
    }
    return false;
  }

  private static boolean permitted(List<String> patterns, String value) {
    if (patterns == null) {
      return false;
    }
    boolean allowed = false;
    for (String pattern : patterns) {
      if (pattern.startsWith("!")) {
        if (ArgoGlob.matches(pattern.substring(1), value)) {
          return false;
        }
      } else if (ArgoGlob.matches(pattern, value)) {
        allowed = true;
      }
    }
    return allowed;
  }

  private static boolean listed(List<ResourceGroupKind> list, String group, String kind) {
    if (list == null) {
      return false;
    }
    return list.stream()
        .anyMatch(
            gk ->
                ArgoGlob.matches(nullToEmpty(gk.group()), group)
                    && ArgoGlob.matches(nullToEmpty(gk.kind()), kind));
  }

  private static boolean empty(List<?> list) {
    return list == null || list.isEmpty();
  }

  private static boolean startsWithBang(String value) {
    return value != null && value.startsWith("!");
  }

  private static String strip(String value) {
    if (value == null) {
      return "";
    }
    return value.startsWith("!") ? value.substring(1) : value;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
