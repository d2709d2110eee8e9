#!/usr/bin/env bash
# Runs every check and test: the contracts' checks (tests/check-contracts.sh), then every test project in the solution
# (domain tests, gRPC tests against a real PostgreSQL, the AppHost end to end), then one quick round of the benchmarks.
# The last line is the totals: "N passed, N failed" (and ", N skipped" when any were skipped).
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

failed_lint=0
if ! bash tests/check-contracts.sh; then
  failed_lint=1
fi

# The TypeScript client a partner would write: its code generated from protos/ (buf, protoc-gen-es) and
# compiled; AppHost.Tests runs its tests against the running system.
if ! (cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build); then
  failed_lint=1
fi

results="$(mktemp -d)"
dotnet build MissionOps.sln -c Release -warnaserror --nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }
# The partners' .NET package is made as a partner would get it.
if ! dotnet pack clients/dotnet/MissionOps.Client -c Release --no-build --nologo -v quiet -o "$results/packages" >/dev/null \
  || [ ! -s "$results/packages/MissionOps.Client.1.0.0.nupkg" ]; then
  echo "dotnet pack made no MissionOps.Client package" >&2
  failed_lint=1
fi
dotnet test MissionOps.sln -c Release --no-build --nologo \
  --logger "trx" --results-directory "$results" \
  --logger "console;verbosity=normal"
test_exit=$?

# Benchmarks are not timed tests: one quick round of the reads (about 20 s) checks that the harness answers right,
# every service against its bare baseline; a wrong answer exits non-zero.
if ! timeout 300 dotnet run -c Release --no-build --project benchmarks/MissionOps.Benchmarks -- --quick reads; then
  echo "the quick round of benchmarks/MissionOps.Benchmarks failed" >&2
  failed_lint=1
fi

totals="$(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
    # The console logger shows a passing test's output only when detailed: the bad-input corpus's counts are shown here.
    for out in ET.parse(path).getroot().iterfind(".//t:UnitTestResult/t:Output/t:StdOut", ns):
        for line in (out.text or "").splitlines():
            if line.startswith("Bad input corpus"):
                print(line, file=sys.stderr)
print(passed, failed, skipped)
PY
)"
read -r passed failed skipped <<<"$totals"
failed=$((failed + failed_lint))
if [ "$test_exit" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi
rm -rf "$results"

line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
