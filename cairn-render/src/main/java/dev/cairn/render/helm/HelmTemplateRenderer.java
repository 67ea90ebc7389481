package dev.cairn.render.helm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.ManifestException;
import dev.cairn.manifest.YamlReader;
import dev.cairn.render.RenderException;
import dev.cairn.source.artifact.DirectoryTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a chart directory with Helm's own {@code helm template} (helm-java: Helm v3 compiled into
 * a native library), as {@code helm install --dry-run=client} would, with the cluster's Kubernetes
 * version as capability. CRDs of the chart's {@code crds/} directory are read separately (never
 * templated, as in Helm); objects annotated {@code helm.sh/hook} are returned as hooks.
 * Thread-safe.
 *
 * <p>Helm's errors arrive with Helm's words, file and line ({@code template: gw/templates/x.yaml:7:
 * ...}) as {@link RenderException.Reason#HELM_FAILED}.
 */
public final class HelmTemplateRenderer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SOURCE = Pattern.compile("(?m)^# Source: (.+)$");
  private static final Pattern KUBE_VERSION = Pattern.compile("^v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

  private final YamlReader reader = YamlReader.defaults();

  public static HelmTemplateRenderer defaults() {
    return new HelmTemplateRenderer();
  }

  /** Renders {@code chartDir} (the directory holding {@code Chart.yaml}). */
  public HelmRender render(Path chartDir, HelmRenderRequest request) {
    return render(chartDir, request, List.of());
  }

  /**
   * Renders {@code chartDir} with more values files after the request's values, as Helm's {@code
   * -f} reads them (YAML 1.1 typing), a later file winning.
   */
  public HelmRender render(Path chartDir, HelmRenderRequest request, List<String> valuesFiles) {
    ChartMetadata chart = ChartMetadata.read(chartDir);
    Path copy = null;
    String output;
    try {
      copy = HookExposingCopy.of(chartDir);
      output = template(copy, request, valuesFiles);
    } finally {
      if (copy != null) {
        DirectoryTrees.deleteQuietly(copy.getParent());
      }
    }
    List<KubeObject> objects = new ArrayList<>();
    List<HelmHook> hooks = new ArrayList<>();
    for (String document : output.split("(?m)^---\\s*$")) {
      if (document.isBlank()) {
        continue;
      }
      Matcher source = SOURCE.matcher(document);
      String path = source.find() ? source.group(1).trim() : chart.name();
      for (KubeObject object : read(path, document)) {
        HookExposingCopy.restore(object);
        HelmHook hook = HelmHook.of(object, path);
        if (hook != null) {
          hooks.add(hook);
        } else {
          objects.add(object);
        }
      }
    }
    return new HelmRender(chart, objects, hooks, crds(chartDir, chart.name()));
  }

  private String template(Path chartDir, HelmRenderRequest request, List<String> moreValues) {
    List<Path> valuesFiles = new ArrayList<>();
    try {
      // JSON is YAML: Helm reads the file as its --values.
      valuesFiles.add(valuesFile(JSON.writeValueAsString(request.values())));
      for (String text : moreValues) {
        valuesFiles.add(valuesFile(text));
      }
      TemplateCommand command =
          new Helm(chartDir)
              .template()
              .withName(request.releaseName())
              .withNamespace(request.namespace())
              .skipCrds();
      for (Path file : valuesFiles) {
        command = command.withValuesFile(file);
      }
      String kube = kubeVersion(request.kubeVersion());
      if (kube != null) {
        command = command.withKubeVersion(kube);
      }
      return command.call();
    } catch (IllegalStateException e) {
      throw new RenderException(
          RenderException.Reason.HELM_FAILED, "helm template failed: " + clean(e.getMessage()));
    } catch (IOException e) {
      throw new RenderException(
          RenderException.Reason.IO, "cannot write the values file: " + e.getMessage(), e);
    } finally {
      for (Path file : valuesFiles) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // the file is in the temp directory and readable by its owner only
        }
      }
    }
  }

  /** A temp file readable by its owner only: values may hold secrets. */
  private static Path valuesFile(String text) throws IOException {
    Path file =
        Files.createTempFile(
            "cairn-values-",
            ".yaml",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private List<KubeObject> read(String path, String document) {
    try {
      List<KubeObject> objects = new ArrayList<>();
      for (KubeObject o : reader.readObjects(path, document)) {
        if (o.kind() == null || o.apiVersion() == null || o.name() == null) {
          throw new RenderException(
              RenderException.Reason.INVALID_OBJECT,
              "helm template: an object in " + path + " lacks apiVersion, kind or metadata.name");
        }
        objects.add(o);
      }
      return objects;
    } catch (ManifestException e) {
      throw new RenderException(
          RenderException.Reason.HELM_FAILED,
          "helm template produced invalid YAML in " + path + ": " + e.getMessage());
    }
  }

  private List<KubeObject> crds(Path chartDir, String chartName) {
    Path dir = chartDir.resolve("crds");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path file : stream) {
        String name = file.getFileName().toString();
        if (Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
          files.add(file);
        }
      }
      files.sort(null);
      List<KubeObject> crds = new ArrayList<>();
      for (Path file : files) {
        String path = chartName + "/crds/" + file.getFileName();
        crds.addAll(read(path, Files.readString(file, StandardCharsets.UTF_8)));
      }
      return crds;
    } catch (IOException e) {
      throw new RenderException(
          RenderException.Reason.IO, "cannot read the chart's crds/: " + e.getMessage(), e);
    }
  }

  /** {@code v1.31.0-cairn-simulated} → {@code v1.31.0}: Helm compares capabilities as semver. */
  static String kubeVersion(String gitVersion) {
    if (gitVersion == null) {
      return null;
    }
    Matcher m = KUBE_VERSION.matcher(gitVersion.trim());
    if (!m.find()) {
      return null;
    }
    return "v" + m.group(1) + "." + m.group(2) + "." + (m.group(3) == null ? "0" : m.group(3));
  }

  private static String clean(String message) {
    return message == null ? "unknown error" : message.strip();
  }
}
