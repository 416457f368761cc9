#!/usr/bin/env bash
# Loopback throughput: the encrypted layer vs the same socket connection in plain, 1 GiB per run by default.
# Usage: bench/encrypted-throughput.sh [MiB=1024] [rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/ShareKit.Security.Bench -- "${1:-1024}" "${2:-3}"
