package dev.cairn.engine.argo.appset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.api.argo.ApplicationSet;
import dev.cairn.api.argo.ApplicationSetSpec;
import dev.cairn.engine.StepResult;
import java.util.Map;

/**
 * The deletion step of a set: with a policy that may delete ({@code sync}, {@code create-delete})
 * its Applications are deleted, and with {@code preserveResourcesOnDeletion} they first lose {@code
 * resources-finalizer.argocd.argoproj.io}, so their resources stay; with {@code create-only} or
 * {@code create-update} the Applications stay and only lose their owner reference, as in Argo CD.
 */
final class ReleaseStep {
  private final ApplicationsStep applications;

  ReleaseStep(ApplicationsStep applications) {
    this.applications = applications;
  }

  StepResult release(ApplicationSetRun run) {
    ApplicationSet set = run.object();
    ApplicationSetSpec spec = set.getSpec();
    boolean delete = spec == null || ApplicationsSyncPolicy.of(spec).delete();
    boolean preserve =
        spec != null
            && spec.syncPolicy() != null
            && Boolean.TRUE.equals(spec.syncPolicy().preserveResourcesOnDeletion());
    String namespace = run.key().namespace();
    for (Map.Entry<String, ObjectNode> entry : applications.list(namespace).entrySet()) {
      ObjectNode app = entry.getValue();
      if (!ApplicationsStep.ownedBy(app, set)) {
        continue;
      }
      ObjectNode updated = app.deepCopy();
      ObjectNode metadata = (ObjectNode) updated.get("metadata");
      if (!delete) {
        ArrayNode owners = metadata.putArray("ownerReferences");
        app.path("metadata")
            .path("ownerReferences")
            .forEach(
                o -> {
                  if (!"ApplicationSet".equals(o.path("kind").asText())
                      || !set.getMetadata().getName().equals(o.path("name").asText())) {
                    owners.add(o);
                  }
                });
      } else if (preserve) {
        ArrayNode finalizers = metadata.putArray("finalizers");
        app.path("metadata")
            .path("finalizers")
            .forEach(
                f -> {
                  if (!f.asText().startsWith(ApplicationSet.RESOURCES_FINALIZER)) {
                    finalizers.add(f);
                  }
                });
      }
      if (!updated.equals(app)) {
        applications
            .applications()
            .inNamespace(namespace)
            .resource(applications.resource(updated))
            .update();
      }
      if (delete) {
        applications.applications().inNamespace(namespace).withName(entry.getKey()).delete();
      }
    }
    return StepResult.proceed();
  }
}
