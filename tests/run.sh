#!/usr/bin/env bash
# The test command (README): installs the Debian packages the interop tests need (when root), builds the
# solution, runs every test project, and ends with one line "N passed, N failed, N skipped" summed over all
# test projects. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

# Third-party programs the interop and multi-host tests drive. Tests fail (never skip) when one is missing.
packages=(
  curl lftp python3 iproute2 procps psmisc socat netcat-openbsd
  util-linux mount
  avahi-daemon avahi-utils dbus
  chromium fonts-dejavu-core
  ceph-mon ceph-osd radosgw ceph-common
)

if [ "$(id -u)" = 0 ]; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing test dependencies: ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
      || { echo "apt-get install failed" >&2; echo "0 passed, 1 failed"; exit 1; }
  fi
else
  echo "Not root: skipping package installation; interop tests need: ${packages[*]}" >&2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! dotnet build ShareKit.sln -c Debug -nologo -clp:ErrorsOnly; then
  echo "0 passed, 1 failed"
  exit 1
fi

results=TestResults
rm -rf "$results"
dotnet test ShareKit.sln -c Debug --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" \
  --blame-hang-timeout 10m "$@"
test_rc=$?

# Sum the counters of every TRX file (one per test project).
read -r passed failed skipped < <(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    c = ET.parse(path).getroot().find(".//{*}Counters")
    if c is None:
        continue
    g = lambda k: int(c.get(k, "0"))
    p += g("passed"); f += g("failed") + g("error") + g("timeout") + g("aborted"); s += g("notExecuted")
print(p, f, s)
PY
)
if [ "$test_rc" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then
  failed=1   # a test host crashed or hung before writing its results
fi
echo "${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
[ "$test_rc" -eq 0 ] && [ "${failed:-0}" -eq 0 ]
