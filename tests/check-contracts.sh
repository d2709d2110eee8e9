#!/usr/bin/env bash
# Checks the contracts as a partner would build them, from protos/ alone (Google's shared types are
# vendored in protos/google): they build, pass buf's STANDARD lint, are formatted as buf formats
# them, and break nothing of the released v1 contracts (protos/releases/v1.binpb, FILE rules).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v buf >/dev/null || { echo "buf is not installed: npm install -g @bufbuild/buf@1.75.0" >&2; exit 1; }

cd "$root/protos"
buf build -o /dev/null
buf lint
buf format --exit-code --diff --path missionops .
buf breaking --against releases/v1.binpb

# The gate must be able to close: a copy of the contracts with one enum value renumbered is refused.
copy="$(mktemp -d)"
trap 'rm -rf "$copy"' EXIT
cp -R . "$copy/protos"
sed -i 's/^  SITE_KIND_BASE = 2;/  SITE_KIND_BASE = 20;/' "$copy/protos/missionops/sites/v1/site.proto"
grep -q "SITE_KIND_BASE = 20;" "$copy/protos/missionops/sites/v1/site.proto" || { echo "check-contracts.sh: the change to try the gate with no longer applies" >&2; exit 1; }
if (cd "$copy/protos" && buf breaking --against "$root/protos/releases/v1.binpb" >/dev/null 2>&1); then
  echo "buf breaking let a renumbered enum value through: the compatibility gate is open" >&2
  exit 1
fi
echo "contracts: build, lint, format and breaking against v1 are clean"
