package dev.cairn.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A chart shaped like podinfo's defaults: ServiceAccount, ConfigMap, Service, Deployment. */
final class PodinfoChart {
  private PodinfoChart() {}

  static Path write(Path parent) throws IOException {
    Path chart = parent.resolve("podinfo");
    Files.createDirectories(chart.resolve("templates"));
    Files.writeString(
        chart.resolve("Chart.yaml"),
        "apiVersion: v2\nname: podinfo\nversion: 6.7.0\nappVersion: \"6.7.0\"\n");
    Files.writeString(
        chart.resolve("values.yaml"),
        "replicaCount: 1\nimage: {repository: ghcr.io/stefanprodan/podinfo, tag: \"\"}\n"
            + "service: {httpPort: 9898, grpcPort: 9999}\nui: {message: \"\", color: \"#34577c\"}\n");
    Files.writeString(
        chart.resolve("templates/_helpers.tpl"),
        """
        {{- define "podinfo.fullname" -}}
        {{- .Release.Name | trunc 63 | trimSuffix "-" -}}
        {{- end -}}
        {{- define "podinfo.labels" -}}
        app.kubernetes.io/name: podinfo
        app.kubernetes.io/instance: {{ .Release.Name }}
        app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
        helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
        {{- end -}}
        """);
    Files.writeString(
        chart.resolve("templates/serviceaccount.yaml"),
        """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: {{ include "podinfo.fullname" . }}
          labels: {{- include "podinfo.labels" . | nindent 4 }}
        """);
    Files.writeString(
        chart.resolve("templates/configmap.yaml"),
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ include "podinfo.fullname" . }}
          labels: {{- include "podinfo.labels" . | nindent 4 }}
        data:
          PODINFO_UI_COLOR: {{ .Values.ui.color | quote }}
          PODINFO_UI_MESSAGE: {{ .Values.ui.message | quote }}
        """);
    Files.writeString(
        chart.resolve("templates/service.yaml"),
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: {{ include "podinfo.fullname" . }}
          labels: {{- include "podinfo.labels" . | nindent 4 }}
        spec:
          type: ClusterIP
          selector: {app.kubernetes.io/name: podinfo, app.kubernetes.io/instance: {{ .Release.Name }}}
          ports:
          - {name: http, port: {{ .Values.service.httpPort }}, targetPort: http}
          - {name: grpc, port: {{ .Values.service.grpcPort }}, targetPort: grpc}
        """);
    Files.writeString(
        chart.resolve("templates/deployment.yaml"),
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{ include "podinfo.fullname" . }}
          labels: {{- include "podinfo.labels" . | nindent 4 }}
        spec:
          replicas: {{ .Values.replicaCount }}
          selector:
            matchLabels: {app.kubernetes.io/name: podinfo, app.kubernetes.io/instance: {{ .Release.Name }}}
          template:
            metadata:
              labels: {app.kubernetes.io/name: podinfo, app.kubernetes.io/instance: {{ .Release.Name }}}
            spec:
              serviceAccountName: {{ include "podinfo.fullname" . }}
              containers:
              - name: podinfo
                image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
                ports:
                - {name: http, containerPort: {{ .Values.service.httpPort }}}
                - {name: grpc, containerPort: {{ .Values.service.grpcPort }}}
                envFrom:
                - configMapRef: {name: {{ include "podinfo.fullname" . }}}
                readinessProbe:
                  httpGet: {path: /readyz, port: http}
                resources:
                  requests: {cpu: 1m, memory: 16Mi}
        """);
    return chart;
  }
}
