package dev.cairn.render.argo;

import dev.cairn.api.Image;
import dev.cairn.api.Patch;
import dev.cairn.api.Selector;
import dev.cairn.api.argo.ApplicationSourceKustomize;
import dev.cairn.api.argo.KustomizePatch;
import dev.cairn.api.argo.KustomizeSelector;
import dev.cairn.api.kustomize.KustomizationSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Argo CD's {@code kustomize.*} options as the Flux-shaped spec Cairn's Kustomize renderer takes:
 * {@code namePrefix}, {@code nameSuffix}, {@code images} (Argo CD's {@code
 * [old=]new[:tag][@digest]} strings), {@code namespace}, {@code patches} and {@code components} are
 * what {@code kustomize edit} would write into the kustomization before the build. The options
 * Cairn does not act on are refused by the reconciler before rendering.
 */
final class KustomizeOptions {
  private KustomizeOptions() {}

  static KustomizationSpec spec(String path, ApplicationSourceKustomize options) {
    ApplicationSourceKustomize k =
        options == null
            ? new ApplicationSourceKustomize(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null)
            : options;
    return new KustomizationSpec(
        null,
        null,
        null,
        "10m",
        null,
        null,
        path,
        null,
        false,
        null,
        null,
        blankToNull(k.namePrefix()),
        blankToNull(k.nameSuffix()),
        patches(k.patches()),
        images(k.images()),
        null,
        null,
        null,
        blankToNull(k.namespace()),
        null,
        false,
        null,
        null,
        k.components(),
        k.ignoreMissingComponents(),
        null,
        null);
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  static List<Image> images(List<String> images) {
    if (images == null || images.isEmpty()) {
      return null;
    }
    List<Image> out = new ArrayList<>();
    for (String image : images) {
      String name = image;
      String replacement = image;
      int eq = image.indexOf('=');
      if (eq >= 0) {
        name = image.substring(0, eq);
        replacement = image.substring(eq + 1);
      }
      String digest = null;
      int at = replacement.indexOf('@');
      if (at >= 0) {
        digest = replacement.substring(at + 1);
        replacement = replacement.substring(0, at);
      }
      String tag = null;
      int colon = replacement.lastIndexOf(':');
      if (colon > replacement.lastIndexOf('/')) {
        tag = replacement.substring(colon + 1);
        replacement = replacement.substring(0, colon);
      }
      if (eq < 0) {
        name = replacement;
      }
      out.add(new Image(name, replacement.equals(name) ? null : replacement, tag, digest));
    }
    return out;
  }

  private static List<Patch> patches(List<KustomizePatch> patches) {
    if (patches == null || patches.isEmpty()) {
      return null;
    }
    List<Patch> out = new ArrayList<>();
    for (KustomizePatch patch : patches) {
      KustomizeSelector t = patch.target();
      Selector target =
          t == null
              ? null
              : new Selector(
                  t.group(),
                  t.version(),
                  t.kind(),
                  t.name(),
                  t.namespace(),
                  t.labelSelector(),
                  t.annotationSelector());
      out.add(new Patch(patch.patch(), target));
    }
    return out;
  }
}
