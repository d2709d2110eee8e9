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
# The partners' example generation (buf.gen.yaml: C# and Python) works, with the protoc and
# grpc_csharp_plugin of the Grpc.Tools package the build restores.
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
version="$(sed -n 's/.*<GrpcVersion>\([^<]*\)<.*/\1/p' "$root/Directory.Packages.props")"
tools="$packages/grpc.tools/$version/tools/linux_x64"
[ -x "$tools/protoc" ] || dotnet restore "$root/services/ServiceDefaults/ServiceDefaults.csproj" >/dev/null
PATH="$tools:$PATH" buf generate -o "$copy/generated"
for file in gen/csharp/MissionOps/Sites/V1/Site.cs gen/csharp/SitesServiceGrpc.cs gen/python/missionops/sites/v1/site_pb2.py; do
  [ -s "$copy/generated/$file" ] || { echo "buf generate made no $file" >&2; exit 1; }
done

echo "contracts: build, lint, format, breaking against v1 and generation are clean"
