#!/usr/bin/env bash
# Measures discovery on throw-away namespace LANs (needs root, like the tests): first-sighting latency (median of
# 20 joins) and the CPU a receiver spends on a 10,000-packet malformed flood, for udp-broadcast and mdns.
# Usage: sudo bench/discovery/run.sh        Output: one line per measurement, as printed by the tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tests/ShareKit.Discovery.Tests/ShareKit.Discovery.Tests.csproj -c Debug -nologo -clp:ErrorsOnly
log=$(mktemp)
dotnet test tests/ShareKit.Discovery.Tests/ShareKit.Discovery.Tests.csproj -c Debug --no-build --nologo \
  --filter "FullyQualifiedName~First_sighting_latency|FullyQualifiedName~A_flood_of_malformed|FullyQualifiedName~third_joining" \
  --logger "console;verbosity=detailed" > "$log" 2>&1 || { cat "$log"; exit 1; }
grep -E '^ *(udp-broadcast|mdns): ' "$log" | sed 's/^ *//' | sort -u
rm -f "$log"
