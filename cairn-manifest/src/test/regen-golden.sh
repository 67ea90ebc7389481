#!/usr/bin/env bash
# Regenerates every expected.yaml under src/test/resources/yaml from its input.yaml, using
# `kubectl kustomize` (kustomize v5.5.0) as the oracle. The tests themselves never call kubectl.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/resources/yaml"
for dir in */; do
  work="$(mktemp -d)"
  cp "$dir/input.yaml" "$work/input.yaml"
  printf 'resources:\n- input.yaml\n' > "$work/kustomization.yaml"
  kubectl kustomize "$work" > "$dir/expected.yaml"
  rm -rf "$work"
  echo "regenerated ${dir%/}"
done
