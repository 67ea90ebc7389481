package dev.cairn.cli.install;

/**
 * The non-CRD install objects as YAML with {@code {{placeholders}}}, filled in by {@link
 * InstallManifests}. {@code deploy/chart/templates} holds the same text in Helm's syntax.
 */
final class InstallTemplates {
  private InstallTemplates() {}

  static final String CORE =
      """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: {{namespace}}
        labels:
          app.kubernetes.io/part-of: cairn
          pod-security.kubernetes.io/enforce: restricted
          pod-security.kubernetes.io/enforce-version: latest
      ---
      apiVersion: v1
      kind: ServiceAccount
      metadata:
        name: {{name}}
        namespace: {{namespace}}
        labels:
          app.kubernetes.io/part-of: cairn
      ---
      # Cairn applies whatever the fleet's repositories hold, so it needs what kubectl apply by an
      # administrator needs, as Flux's kustomize-controller and helm-controller do; tenants are
      # confined with spec.serviceAccountName (impersonation).
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata:
        name: cairn-cluster-reconciler-{{namespace}}
        labels:
          app.kubernetes.io/part-of: cairn
      roleRef:
        apiGroup: rbac.authorization.k8s.io
        kind: ClusterRole
        name: cluster-admin
      subjects:
      - kind: ServiceAccount
        name: {{name}}
        namespace: {{namespace}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: {{name}}
        namespace: {{namespace}}
        labels:
          app.kubernetes.io/name: {{name}}
          app.kubernetes.io/part-of: cairn
      spec:
        replicas: {{replicas}}
        selector:
          matchLabels:
            app.kubernetes.io/name: {{name}}
        template:
          metadata:
            labels:
              app.kubernetes.io/name: {{name}}
              app.kubernetes.io/part-of: cairn
          spec:
            serviceAccountName: {{name}}
            terminationGracePeriodSeconds: 30
            securityContext:
              runAsNonRoot: true
              runAsUser: {{uid}}
              runAsGroup: {{uid}}
              fsGroup: {{uid}}
              seccompProfile:
                type: RuntimeDefault
            containers:
            - name: manager
              image: {{image}}
              imagePullPolicy: IfNotPresent
              args:
              - controller
              - --log-encoding=json
              - --log-level={{logLevel}}
              - --metrics-bind-address=:{{port}}
              - --storage-path=/data
              - --storage-addr=:{{artifactPort}}
              - --storage-adv-addr=cairn-source.{{namespace}}.svc.cluster.local.
              - --receiver-bind-address=:{{receiverPort}}
              - --lease-namespace={{namespace}}
              - --key-namespace={{namespace}}
              env:
              - name: JAVA_TOOL_OPTIONS
                value: -XX:MaxRAMPercentage=50 -Djava.io.tmpdir=/tmp -Djna.tmpdir=/tmp
              - name: HOME
                value: /tmp
              - name: HELM_CACHE_HOME
                value: /tmp/helm/cache
              - name: HELM_CONFIG_HOME
                value: /tmp/helm/config
              - name: HELM_DATA_HOME
                value: /tmp/helm/data
              ports:
              - name: http
                containerPort: {{artifactPort}}
                protocol: TCP
              - name: http-prom
                containerPort: {{port}}
                protocol: TCP
              - name: http-webhook
                containerPort: {{receiverPort}}
                protocol: TCP
              livenessProbe:
                httpGet:
                  path: /healthz
                  port: http-prom
              readinessProbe:
                httpGet:
                  path: /readyz
                  port: http-prom
              resources:
                requests:
                  cpu: 100m
                  memory: 512Mi
                limits:
                  memory: 1Gi
              securityContext:
                allowPrivilegeEscalation: false
                readOnlyRootFilesystem: true
                capabilities:
                  drop:
                  - ALL
              volumeMounts:
              - name: data
                mountPath: /data
              - name: tmp
                mountPath: /tmp
            volumes:
            - name: data
              emptyDir: {}
            - name: tmp
              emptyDir: {}
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: {{name}}
        namespace: {{namespace}}
        labels:
          app.kubernetes.io/name: {{name}}
          app.kubernetes.io/part-of: cairn
      spec:
        type: ClusterIP
        selector:
          app.kubernetes.io/name: {{name}}
        ports:
        - name: http-prom
          port: {{port}}
          targetPort: http-prom
          protocol: TCP
      ---
      # The artifacts of status.artifact.url (as Flux's source-controller Service): replicas copy
      # from each other what they lack.
      apiVersion: v1
      kind: Service
      metadata:
        name: cairn-source
        namespace: {{namespace}}
        labels:
          app.kubernetes.io/name: {{name}}
          app.kubernetes.io/part-of: cairn
      spec:
        type: ClusterIP
        selector:
          app.kubernetes.io/name: {{name}}
        ports:
        - name: http
          port: 80
          targetPort: http
          protocol: TCP
      ---
      # The webhook Receivers, at /hook/<status.webhookPath> (as Flux's webhook-receiver Service);
      # expose it with an Ingress or a LoadBalancer for Git hosts to call.
      apiVersion: v1
      kind: Service
      metadata:
        name: cairn-webhook-receiver
        namespace: {{namespace}}
        labels:
          app.kubernetes.io/name: {{name}}
          app.kubernetes.io/part-of: cairn
      spec:
        type: ClusterIP
        selector:
          app.kubernetes.io/name: {{name}}
        ports:
        - name: http
          port: 80
          targetPort: http-webhook
          protocol: TCP
      ---
      # Probes and metrics (kubelet and Prometheus) and webhooks take connections from any
      # namespace; artifacts only from this namespace (the other replicas), as Flux's install
      # allows. The controller's own connections out are not restricted.
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: {{name}}
        namespace: {{namespace}}
        labels:
          app.kubernetes.io/part-of: cairn
      spec:
        podSelector:
          matchLabels:
            app.kubernetes.io/name: {{name}}
        policyTypes:
        - Ingress
        ingress:
        - from:
          - namespaceSelector: {}
          ports:
          - port: {{port}}
            protocol: TCP
          - port: {{receiverPort}}
            protocol: TCP
        - from:
          - podSelector: {}
          ports:
          - port: {{artifactPort}}
            protocol: TCP
      """;

  static final String DISRUPTION_BUDGET =
      """
      ---
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata:
        name: {{name}}
        namespace: {{namespace}}
        labels:
          app.kubernetes.io/part-of: cairn
      spec:
        minAvailable: 1
        selector:
          matchLabels:
            app.kubernetes.io/name: {{name}}
      """;
}
