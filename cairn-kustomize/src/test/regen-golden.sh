#!/bin/sh
# Regenerates expected.yaml of every golden case with the oracle, `kubectl kustomize`
# (kustomize v5.5.0). Error cases (those with expected-error.txt) get kustomize's own message in
# kustomize-error.txt for reference; their expected-error.txt is written by hand.
# Usage: src/test/regen-golden.sh   (from the cairn-kustomize module directory)
set -eu
cd "$(dirname "$0")/resources/golden"
for case in */; do
  case=${case%/}
  if [ -f "$case/expected-error.txt" ]; then
    # Remote cases would make kubectl try the network; their note is written by hand.
    case "$case" in *remote*) continue ;; esac
    root=$(cd "$case/in" && pwd)
    (cd "$case/in" && kubectl kustomize . 2>&1 >/dev/null || true) \
      | sed "s|$root|<root>|g; s|^E[0-9]* [0-9:.]* *[0-9]* run.go:[0-9]*\] ||; s|0xc[0-9a-f]*|0x…|g" \
      > "$case/kustomize-error.txt"
  else
    kubectl kustomize "$case/in" 2>/dev/null > "$case/expected.yaml"
  fi
done
