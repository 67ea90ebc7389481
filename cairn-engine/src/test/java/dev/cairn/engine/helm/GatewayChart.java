package dev.cairn.engine.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An API-gateway-style chart written by the tests: a Deployment, a Service, an Ingress and a
 * ConfigMap whose replicas, ports, host and greeting come from values, plus an optional worker
 * Deployment ({@code worker.enabled}).
 */
final class GatewayChart {
  private GatewayChart() {}

  /** Writes chart {@code name} at {@code version} under {@code parent}; returns its directory. */
  static Path write(Path parent, String name, String version) throws IOException {
    Path chart = parent.resolve(name);
    Files.createDirectories(chart.resolve("templates"));
    Files.writeString(
        chart.resolve("Chart.yaml"),
        "apiVersion: v2\nname: " + name + "\nversion: " + version + "\nappVersion: \"1.0\"\n");
    Files.writeString(
        chart.resolve("values.yaml"),
        """
        replicas: 1
        image: example.com/gateway
        service:
          port: 8080
        ingress:
          host: gw.example.com
        greeting: hello
        worker:
          enabled: false
        """);
    Files.writeString(
        chart.resolve("templates/deployment.yaml"),
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}
        spec:
          replicas: {{ .Values.replicas }}
          selector:
            matchLabels: {app: {{ .Release.Name }}}
          template:
            metadata:
              labels: {app: {{ .Release.Name }}}
            spec:
              containers:
              - name: gateway
                image: "{{ .Values.image }}:{{ .Chart.AppVersion }}"
                ports:
                - containerPort: {{ .Values.service.port }}
        """);
    Files.writeString(
        chart.resolve("templates/service.yaml"),
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: {{ .Release.Name }}
        spec:
          selector: {app: {{ .Release.Name }}}
          ports:
          - port: {{ .Values.service.port }}
            targetPort: {{ .Values.service.port }}
        """);
    Files.writeString(
        chart.resolve("templates/ingress.yaml"),
        """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: {{ .Release.Name }}
        spec:
          rules:
          - host: {{ .Values.ingress.host }}
            http:
              paths:
              - path: /
                pathType: Prefix
                backend:
                  service:
                    name: {{ .Release.Name }}
                    port: {number: {{ .Values.service.port }}}
        """);
    Files.writeString(
        chart.resolve("templates/configmap.yaml"),
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-config
        data:
          greeting: {{ .Values.greeting | quote }}
        """);
    Files.writeString(
        chart.resolve("templates/worker.yaml"),
        """
        {{- if .Values.worker.enabled }}
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ .Release.Name }}-worker
        spec:
          replicas: 1
          selector:
            matchLabels: {app: {{ .Release.Name }}-worker}
          template:
            metadata:
              labels: {app: {{ .Release.Name }}-worker}
            spec:
              containers:
              - name: worker
                image: "{{ .Values.image }}-worker:{{ .Chart.AppVersion }}"
        {{- end }}
        """);
    return chart;
  }

  /** Adds a template that fails to render at line 4 ({@code nosuchfunc} is no function). */
  static void breakIt(Path chart) throws IOException {
    Files.writeString(
        chart.resolve("templates/broken.yaml"),
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name | nosuchfunc }}\n");
  }

  /**
   * Adds a CRD in {@code crds/}, a custom resource of it, a {@code pre-install,pre-upgrade} Job
   * hook and a {@code post-install,post-upgrade} ConfigMap hook.
   */
  static void addHooksAndCrds(Path chart) throws IOException {
    Files.createDirectories(chart.resolve("crds"));
    Files.writeString(
        chart.resolve("crds/routes.yaml"),
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: routes.gateway.example.com}
        spec:
          group: gateway.example.com
          names: {kind: Route, listKind: RouteList, plural: routes, singular: route}
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                x-kubernetes-preserve-unknown-fields: true
        """);
    Files.writeString(
        chart.resolve("templates/route.yaml"),
        """
        apiVersion: gateway.example.com/v1
        kind: Route
        metadata:
          name: {{ .Release.Name }}-default
        spec:
          host: {{ .Values.ingress.host }}
        """);
    Files.writeString(
        chart.resolve("templates/migrate.yaml"),
        """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: {{ .Release.Name }}-migrate
          annotations:
            "helm.sh/hook": pre-install,pre-upgrade
            "helm.sh/hook-weight": "-1"
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: migrate
                image: "{{ .Values.image }}-migrate:{{ .Chart.AppVersion }}"
        """);
    Files.writeString(
        chart.resolve("templates/announce.yaml"),
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ .Release.Name }}-announce
          annotations:
            "helm.sh/hook": post-install,post-upgrade
        data:
          revision: "{{ .Release.Revision }}"
        """);
  }
}
