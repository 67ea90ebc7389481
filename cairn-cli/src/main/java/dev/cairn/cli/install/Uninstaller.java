package dev.cairn.cli.install;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.api.schema.CairnCrds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Removes Cairn from a cluster: {@code cairn uninstall}.
 *
 * <ol>
 *   <li>Unless asked to keep them, Cairn's own objects (Kustomizations, HelmReleases, sources...)
 *       are deleted while the controller still runs, so it prunes what they applied and uninstalls
 *       their releases (their {@code deletionPolicy} decides); with {@code keepManaged} their
 *       finalizer is removed first, so deleting them leaves every applied object in place.
 *   <li>The controller's objects are deleted, the namespace last.
 *   <li>Unless {@code keepCrds}, the CRDs are deleted. Keeping the CRDs keeps Cairn's objects too
 *       (their finalizers removed), so a later install takes them over.
 * </ol>
 */
public final class Uninstaller {
  static final String FINALIZER = "cairn.dev/finalizer";

  private final KubernetesClient client;
  private final PrintWriter out;

  public Uninstaller(KubernetesClient client, PrintWriter out) {
    this.client = client;
    this.out = out;
  }

  /** What to keep, and how long to wait for Cairn's objects to be pruned and gone. */
  public record Keep(boolean crds, boolean managed, Duration timeout) {}

  public void uninstall(InstallSettings settings, Keep keep) {
    List<JsonNode> objects = InstallManifests.objects(settings);
    boolean crdsServed = !served().isEmpty();
    if (crdsServed && (keep.managed() || keep.crds())) {
      for (Class<? extends HasMetadata> kind : served()) {
        releaseAll(kind);
      }
    }
    if (crdsServed && !keep.crds()) {
      for (Class<? extends HasMetadata> kind : served()) {
        deleteAll(kind, keep.timeout());
      }
    }
    List<JsonNode> controller =
        new ArrayList<>(objects.stream().filter(o -> !Installer.isCrd(o)).toList());
    java.util.Collections.reverse(controller);
    controller.forEach(this::delete);
    if (!keep.crds()) {
      objects.stream().filter(Installer::isCrd).forEach(this::delete);
    }
    out.println("✔ uninstall finished");
  }

  private List<Class<? extends HasMetadata>> served() {
    return CairnCrds.KINDS.stream()
        .filter(
            kind ->
                client
                        .apiextensions()
                        .v1()
                        .customResourceDefinitions()
                        .withName(HasMetadata.getFullResourceName(kind))
                        .get()
                    != null)
        .toList();
  }

  private <T extends HasMetadata> void releaseAll(Class<T> kind) {
    for (T object : client.resources(kind).inAnyNamespace().list().getItems()) {
      List<String> finalizers = object.getMetadata().getFinalizers();
      if (finalizers != null && finalizers.contains(FINALIZER)) {
        client
            .resources(kind)
            .inNamespace(object.getMetadata().getNamespace())
            .withName(object.getMetadata().getName())
            .edit(
                o -> {
                  o.getMetadata().getFinalizers().remove(FINALIZER);
                  return o;
                });
        out.printf(
            "  %s/%s/%s released (what it applied stays)%n",
            HasMetadata.getKind(kind),
            object.getMetadata().getNamespace(),
            object.getMetadata().getName());
      }
    }
  }

  private <T extends HasMetadata> void deleteAll(Class<T> kind, Duration timeout) {
    var all = client.resources(kind).inAnyNamespace();
    if (all.list().getItems().isEmpty()) {
      return;
    }
    all.delete();
    out.printf("◎ waiting for every %s to be deleted%n", HasMetadata.getKind(kind));
    try {
      all.informOnCondition(List::isEmpty).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException(
          "some "
              + HasMetadata.getKind(kind)
              + " objects were not deleted within "
              + timeout.toSeconds()
              + "s (is the controller running to prune them?); run again with --keep-managed"
              + " to leave what they applied in place",
          e);
    }
  }

  private void delete(JsonNode object) {
    GenericKubernetesResource resource =
        client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
    boolean deleted = !client.resource(resource).delete().isEmpty();
    out.printf(
        "  %s/%s %s%n",
        resource.getKind(), resource.getMetadata().getName(), deleted ? "deleted" : "not found");
  }
}
