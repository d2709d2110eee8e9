#!/usr/bin/env bash
# Lints the contracts with buf (STANDARD rules, see protos/buf.yaml).
# buf resolves google/type, google/api and google/rpc from the Google.Api.CommonProtos package the
# build restores; they are copied to protos/.deps (ignored by git) rather than kept in the repo.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v buf >/dev/null || { echo "buf is not installed: npm install -g @bufbuild/buf@1.75.0" >&2; exit 1; }

packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
version="$(sed -n 's/.*Include="Google.Api.CommonProtos" Version="\([^"]*\)".*/\1/p' "$root/Directory.Packages.props")"
source="$packages/google.api.commonprotos/$version/content/protos"
if [ ! -d "$source" ]; then
  dotnet restore "$root/services/ServiceDefaults/ServiceDefaults.csproj" >/dev/null
fi
rm -rf "$root/protos/.deps" && mkdir -p "$root/protos/.deps"
cp -R "$source/google" "$root/protos/.deps/"

cd "$root/protos"
buf lint
buf build -o /dev/null
echo "buf lint: protos are clean"
