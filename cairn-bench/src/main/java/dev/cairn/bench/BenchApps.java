package dev.cairn.bench;

import dev.cairn.sim.git.GitHttpServer;
import dev.cairn.sim.git.GitWorkingCopy;
import java.nio.file.Path;

/**
 * The Git repository of a fleet benchmark: one folder {@code apps/<name>/} per app with a {@code
 * kustomization.yaml} and Flux's benchmark app (Deployment with 0 replicas, ServiceAccount,
 * Service, Ingress), pushed to the Git server in the benchmark's JVM.
 *
 * @param url the repository's clone URL
 * @param sha the pushed commit
 */
record BenchApps(String url, String sha) {

  /** Writes {@code count} apps named {@code prefix + app-NNNN} into namespace {@code namespace}. */
  static BenchApps push(
      GitHttpServer git, Path work, String repository, String prefix, int count, String namespace) {
    String url = git.createRepository(repository);
    GitWorkingCopy copy = GitWorkingCopy.init(work);
    for (int i = 0; i < count; i++) {
      String name = name(prefix, i);
      copy.write("apps/" + name + "/app.yaml", app(name, namespace));
      copy.write("apps/" + name + "/kustomization.yaml", "resources: [app.yaml]\n");
    }
    String sha = copy.commitAll(repository);
    copy.push(url);
    return new BenchApps(url, sha);
  }

  /**
   * Writes one folder {@code apps/shared/} whose app is named {@code ${name}}, for Kustomizations
   * that each substitute their own name after the build.
   */
  static BenchApps pushShared(GitHttpServer git, Path work, String repository, String namespace) {
    String url = git.createRepository(repository);
    GitWorkingCopy copy = GitWorkingCopy.init(work);
    String app =
        app("NAME", namespace)
            .replace("NAME.example.com", "\"${name}.example.com\"")
            .replace("NAME", "\"${name}\""); // quoted: the flow mappings cannot hold a bare ${
    copy.write("apps/shared/app.yaml", app);
    copy.write("apps/shared/kustomization.yaml", "resources: [app.yaml]\n");
    String sha = copy.commitAll(repository);
    copy.push(url);
    return new BenchApps(url, sha);
  }

  static String name(String prefix, int i) {
    return prefix + "app-%04d".formatted(i);
  }

  /**
   * The objects of Flux's benchmark app, with their namespace (no {@code targetNamespace}: any Flux
   * overlay, or a folder without kustomization.yaml, makes cairn-render copy the artifact first).
   */
  static String app(String name, String namespace) {
    return """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: %1$s, namespace: %2$s}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %1$s, namespace: %2$s, labels: {app: %1$s}}
        spec:
          replicas: 0
          selector: {matchLabels: {app: %1$s}}
          template:
            metadata: {labels: {app: %1$s}}
            spec:
              serviceAccountName: %1$s
              containers:
              - name: podinfo
                image: ghcr.io/stefanprodan/podinfo:6.5.0
                ports: [{name: http, containerPort: 9898}]
                resources: {requests: {cpu: 10m, memory: 16Mi}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: %1$s, namespace: %2$s}
        spec:
          selector: {app: %1$s}
          ports: [{name: http, port: 9898, targetPort: http}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: %1$s, namespace: %2$s}
        spec:
          rules:
          - host: %1$s.example.com
            http:
              paths:
              - path: /
                pathType: Prefix
                backend: {service: {name: %1$s, port: {name: http}}}
        """
        .formatted(name, namespace);
  }
}
