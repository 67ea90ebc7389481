package dev.cairn.apply;

import dev.cairn.manifest.KubeObject;
import dev.cairn.manifest.YamlReader;
import java.util.List;

/** Builds test objects from YAML text. */
final class Manifests {
  private Manifests() {}

  static List<KubeObject> read(String yaml) {
    return YamlReader.defaults().readObjects("test.yaml", yaml);
  }

  static KubeObject one(String yaml) {
    return read(yaml).get(0);
  }

  static String namespace(String name) {
    return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + name + "\n";
  }

  static String configMap(String namespace, String name, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "
        + name
        + "\n  namespace: "
        + namespace
        + "\ndata:\n  key: \""
        + value
        + "\"\n";
  }

  static String deployment(String namespace, String name, int replicas) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %s
          namespace: %s
        spec:
          replicas: %d
          selector:
            matchLabels:
              app: %s
          template:
            metadata:
              labels:
                app: %s
            spec:
              containers:
              - name: web
                image: nginx:1.27
        """
        .formatted(name, namespace, replicas, name, name);
  }

  static String crd(String group, String kind, String plural) {
    return """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: %s.%s
        spec:
          group: %s
          scope: Namespaced
          names:
            kind: %s
            plural: %s
            singular: %s
            listKind: %sList
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    x-kubernetes-preserve-unknown-fields: true
        """
        .formatted(plural, group, group, kind, plural, kind.toLowerCase(), kind);
  }
}
