#!/bin/sh
# Regenerates src/main/resources/dev/cairn/kustomize/patch-strategies.txt from a Kubernetes OpenAPI
# v2 document in JSON. kustomize v5.5.0 embeds Kubernetes v1.21.2's document (kyaml/openapi/
# kubernetesapi/v1_21_2, as protobuf); its JSON form is Kubernetes' api/openapi-spec/swagger.json
# at tag v1.21.2. The document is not kept in this repository.
# Usage (from the repository root): cairn-kustomize/src/test/gen-patch-strategies.sh swagger.json
set -eu
swagger=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
./mvnw -B -q -pl cairn-kustomize -am test-compile
./mvnw -B -q -pl cairn-manifest dependency:build-classpath -Dmdep.outputFile=target/cp.txt
java -cp "cairn-kustomize/target/test-classes:$(cat cairn-manifest/target/cp.txt)" \
  dev.cairn.kustomize.patch.PatchStrategyTableGenerator "$swagger" \
  cairn-kustomize/src/main/resources/dev/cairn/kustomize/patch-strategies.txt
