package dev.cairn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the Kustomize benchmark tree: one base of six objects plus a ConfigMap generator, and
 * {@code overlays} overlays over it, each with a namespace, a name prefix, labels with selectors,
 * common annotations, an image override, replicas, a merging ConfigMap generator, a JSON 6902 patch
 * and a strategic-merge patch. The root kustomization lists every overlay.
 */
public final class KustomizeBenchTree {

  private KustomizeBenchTree() {}

  public static Path generate(Path root, int overlays) throws IOException {
    Files.createDirectories(root);
    writeBase(root.resolve("base"));
    StringBuilder rootKustomization = new StringBuilder("resources:\n");
    for (int i = 1; i <= overlays; i++) {
      String name = String.format("team-%03d", i);
      writeOverlay(root.resolve("overlays").resolve(name), name, i);
      rootKustomization.append("- overlays/").append(name).append('\n');
    }
    write(root.resolve("kustomization.yaml"), rootKustomization.toString());
    return root;
  }

  private static void writeBase(Path base) throws IOException {
    write(
        base.resolve("kustomization.yaml"),
        """
        resources:
        - deployment.yaml
        - service.yaml
        - serviceaccount.yaml
        - role.yaml
        - rolebinding.yaml
        - ingress.yaml
        configMapGenerator:
        - name: app-config
          literals:
          - LOG_LEVEL=info
          - FEATURE_X=false
        """);
    write(
        base.resolve("deployment.yaml"),
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app
          labels:
            app: app
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: app
          template:
            metadata:
              labels:
                app: app
            spec:
              serviceAccountName: app
              containers:
              - name: app
                image: ghcr.io/example/app:1.0.0
                ports:
                - containerPort: 8080
                  name: http
                envFrom:
                - configMapRef:
                    name: app-config
                resources:
                  requests:
                    cpu: 10m
                    memory: 32Mi
              - name: sidecar
                image: docker.io/library/busybox:1.36
                args: ["sleep", "infinity"]
        """);
    write(
        base.resolve("service.yaml"),
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: app
        spec:
          selector:
            app: app
          ports:
          - name: http
            port: 80
            targetPort: http
        """);
    write(
        base.resolve("serviceaccount.yaml"),
        """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: app
        """);
    write(
        base.resolve("role.yaml"),
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: app
        rules:
        - apiGroups: [""]
          resources: ["configmaps"]
          verbs: ["get", "list", "watch"]
        """);
    write(
        base.resolve("rolebinding.yaml"),
        """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: app
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: app
        subjects:
        - kind: ServiceAccount
          name: app
        """);
    write(
        base.resolve("ingress.yaml"),
        """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: app
        spec:
          rules:
          - host: app.example.com
            http:
              paths:
              - path: /
                pathType: Prefix
                backend:
                  service:
                    name: app
                    port:
                      name: http
        """);
  }

  private static void writeOverlay(Path dir, String name, int index) throws IOException {
    write(
        dir.resolve("kustomization.yaml"),
        """
        resources:
        - ../../base
        namespace: %1$s
        namePrefix: %1$s-
        labels:
        - pairs:
            team: %1$s
          includeSelectors: true
        commonAnnotations:
          owner: %1$s@example.com
        images:
        - name: ghcr.io/example/app
          newTag: 1.%2$d.0
        replicas:
        - name: app
          count: %3$d
        configMapGenerator:
        - name: app-config
          behavior: merge
          literals:
          - TEAM=%1$s
        patches:
        - path: resources-patch.yaml
        - target:
            kind: Service
            name: app
          patch: |-
            - op: replace
              path: /spec/ports/0/port
              value: %4$d
        """
            .formatted(name, index, 1 + index % 3, 8000 + index));
    write(
        dir.resolve("resources-patch.yaml"),
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app
        spec:
          template:
            spec:
              containers:
              - name: app
                resources:
                  limits:
                    memory: %dMi
        """
            .formatted(64 + index % 64));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args.length > 0 ? args[0] : "target/kustomize-bench-tree");
    int overlays = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    System.out.println(generate(root, overlays));
  }
}
