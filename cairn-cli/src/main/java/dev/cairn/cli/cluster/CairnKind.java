package dev.cairn.cli.cluster;

import dev.cairn.api.CairnApi;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The Cairn kinds the CLI shows, with the names a user may type for each. */
public enum CairnKind {
  GitRepository("gitrepositories", true, "gitrepo", "git", "source-git"),
  HelmRepository("helmrepositories", true, "helmrepo", "helm", "source-helm"),
  HelmChart("helmcharts", true, "hc", "chart", "source-chart"),
  OCIRepository("ocirepositories", true, "ocirepo", "oci", "source-oci"),
  Kustomization("kustomizations", false, "ks", "kustomization"),
  HelmRelease("helmreleases", false, "hr", "helmrelease"),
  AppProject("appprojects", false, "appproj", "appprojs", "appproject"),
  Application("applications", false, "app", "apps", "application"),
  ApplicationSet("applicationsets", false, "appset", "appsets", "applicationset"),
  ImageRepository("imagerepositories", false, "imagerepo", "image-repository"),
  ImagePolicy("imagepolicies", false, "imgpol", "imagepolicy", "image-policy"),
  ImageUpdateAutomation("imageupdateautomations", false, "iua", "image-update"),
  Provider("providers", false, "provider"),
  Alert("alerts", false, "alert"),
  Receiver("receivers", false, "receiver");

  private final String plural;
  private final boolean source;
  private final List<String> aliases;

  CairnKind(String plural, boolean source, String... aliases) {
    this.plural = plural;
    this.source = source;
    this.aliases = List.of(aliases);
  }

  public String plural() {
    return plural;
  }

  public boolean isSource() {
    return source;
  }

  public ResourceDefinitionContext context() {
    return new ResourceDefinitionContext.Builder()
        .withGroup(CairnApi.GROUP)
        .withVersion(CairnApi.VERSION)
        .withPlural(plural)
        .withKind(name())
        .withNamespaced(true)
        .build();
  }

  /** The kinds {@code sources} stands for. */
  public static List<CairnKind> sources() {
    return Arrays.stream(values()).filter(CairnKind::isSource).toList();
  }

  /** The kinds {@code images} stands for: image automation. */
  public static List<CairnKind> images() {
    return List.of(ImageRepository, ImagePolicy, ImageUpdateAutomation);
  }

  /** Reads a kind as typed: {@code Kustomization}, {@code kustomizations}, {@code ks}, ... */
  public static Optional<CairnKind> parse(String text) {
    String wanted = text.toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(
            k ->
                k.name().toLowerCase(Locale.ROOT).equals(wanted)
                    || k.plural.equals(wanted)
                    || k.aliases.contains(wanted))
        .findFirst();
  }

  /** As {@link #parse}, or an error naming the kinds that exist. */
  public static CairnKind require(String text) {
    return parse(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown kind '"
                        + text
                        + "'; expected one of "
                        + String.join(", ", Arrays.stream(values()).map(Enum::name).toList())));
  }
}
