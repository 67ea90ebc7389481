package dev.cairn.render.dialect;

import dev.cairn.manifest.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Translates the objects of a rendered set written in a foreign dialect into Cairn kinds, so
 * repositories written for Flux run unchanged. The first dialect that handles an object wins;
 * objects no dialect handles pass through. Order is kept. The tools' own controllers and CRDs
 * (Flux's {@code gotk-components.yaml}) are left out: Cairn does their job.
 */
public final class DialectTranslator {
  private final List<Dialect> dialects;

  public DialectTranslator(List<Dialect> dialects) {
    this.dialects = List.copyOf(dialects);
  }

  /**
   * The dialects Cairn knows today: Flux and Argo CD (Applications, AppProjects, ApplicationSets).
   */
  public static DialectTranslator defaults() {
    return new DialectTranslator(
        List.of(new FluxDialect(), new ArgoDialect(), new ApplicationSetDialect()));
  }

  /** No translation at all. */
  public static DialectTranslator none() {
    return new DialectTranslator(List.of());
  }

  /** A translator that also knows {@code dialect} (tried after the existing ones). */
  public DialectTranslator with(Dialect dialect) {
    List<Dialect> all = new ArrayList<>(dialects);
    all.add(dialect);
    return new DialectTranslator(all);
  }

  public List<Dialect> dialects() {
    return dialects;
  }

  /** Translates each object; a dialect's own components ({@link Dialect#isToolComponent}) drop. */
  public List<KubeObject> translate(List<KubeObject> objects) {
    List<KubeObject> out = new ArrayList<>(objects.size());
    for (KubeObject object : objects) {
      if (!isToolComponent(object)) {
        out.add(translate(object));
      }
    }
    return out;
  }

  /** True when a dialect says {@code object} belongs to its tool's own installation. */
  public boolean isToolComponent(KubeObject object) {
    return dialects.stream().anyMatch(dialect -> dialect.isToolComponent(object));
  }

  public KubeObject translate(KubeObject object) {
    for (Dialect dialect : dialects) {
      Optional<KubeObject> translated = dialect.translate(object);
      if (translated.isPresent()) {
        return translated.get();
      }
    }
    return object;
  }
}
