#!/usr/bin/env bash
# Issue 4 benchmark, on loopback, in one run:
#   (a) a 1 GiB file sent by ShareKit        vs (b) the same file through socat (file -> socket -> file)
#   (c) 10,000 x 4 KiB files by ShareKit     vs      tar c | nc | tar x
# and prints each pair's ratio (ShareKit throughput / baseline throughput). Goals: (a)/(b) >= 0.85, (c) >= 0.5.
#
# Until `sharekit send/receive` exist, ShareKit is driven through bench/peer/ShareKit.Bench.Peer, which calls the
# protocol engine directly over the real tcp transport and local store plugins (same code paths as the CLI).
# Usage: bench/peer/run.sh [work-dir]   (needs socat, netcat-openbsd; ~3 GiB free in work-dir)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work=${1:-$(mktemp -d /tmp/sharekit-bench.XXXXXX)}
mkdir -p "$work"
for tool in socat nc tar; do command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install -y socat netcat-openbsd)" >&2; exit 2; }; done

dotnet build -c Release "$here/ShareKit.Bench.Peer/ShareKit.Bench.Peer.csproj" -v q -nologo >/dev/null
bench="$here/ShareKit.Bench.Peer/bin/Release/net10.0/ShareKit.Bench.Peer"

now() { date +%s.%N; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# Waits until something listens on the port without connecting to it (socat and nc accept only one connection).
wait_port() { for _ in $(seq 1 1200); do ss -Hltn "sport = :$1" | grep -q . && return 0; sleep 0.05; done; echo "port $1 never opened" >&2; exit 1; }

echo "== preparing data in $work"
if [ ! -f "$work/src/big.bin" ]; then
  mkdir -p "$work/src"
  head -c $((1 << 30)) /dev/urandom > "$work/src/big.bin"
fi
if [ ! -d "$work/src/many" ]; then
  python3 - "$work/src/many" <<'PY'
import os, sys
root = sys.argv[1]
for d in range(10):
    os.makedirs(f"{root}/d{d}", exist_ok=True)
    for f in range(1000):
        with open(f"{root}/d{d}/f{f:04}.bin", "wb") as out:
            out.write(os.urandom(4096))
PY
fi
cat "$work/src/big.bin" > /dev/null   # page cache: every run reads from memory

sharekit_run() {   # $1 = what to send (path), prints seconds
  rm -rf "$work/dst" && mkdir -p "$work/dst"
  local portfile="$work/port.txt"
  "$bench" receive "$work/dst" 0 > "$portfile" 2> "$work/receiver.log" &
  local receiver=$!
  for _ in $(seq 1 1200); do [ -s "$portfile" ] && break; sleep 0.05; done
  local t0; t0=$(now)
  "$bench" send "$(cat "$portfile")" "$1" 2> "$work/sender.log"
  wait "$receiver"
  local t1; t1=$(now)
  echo "$t1 - $t0" | bc -l
}

socat_run() {
  rm -f "$work/socat.out"
  local port; port=$(free_port)
  socat -b 1048576 -u TCP-LISTEN:"$port",bind=127.0.0.1,reuseaddr OPEN:"$work/socat.out",creat,trunc &
  local receiver=$!
  wait_port "$port"
  local t0; t0=$(now)
  socat -b 1048576 -u OPEN:"$work/src/big.bin" TCP:127.0.0.1:"$port"
  wait "$receiver"
  local t1; t1=$(now)
  echo "$t1 - $t0" | bc -l
}

tar_run() {
  rm -rf "$work/tardst" && mkdir -p "$work/tardst"
  local port; port=$(free_port)
  (nc -l 127.0.0.1 "$port" | tar xf - -C "$work/tardst") &
  local receiver=$!
  wait_port "$port"
  local t0; t0=$(now)
  tar cf - -C "$work/src" many | nc -N 127.0.0.1 "$port"
  wait "$receiver"
  local t1; t1=$(now)
  echo "$t1 - $t0" | bc -l
}

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
a=$(sharekit_run "$work/src/big.bin"); cmp "$work/src/big.bin" "$work/dst/big.bin"
b=$(socat_run); cmp "$work/src/big.bin" "$work/socat.out"
c=$(sharekit_run "$work/src/many"); diff -r "$work/src/many" "$work/dst/many" >/dev/null
d=$(tar_run); diff -r "$work/src/many" "$work/tardst/many" >/dev/null
echo "== load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
printf '(a) sharekit 1 GiB         %7.2f s  %7.0f MB/s\n' "$a" "$(echo "1073.741824 / $a" | bc -l)"
printf '(b) socat 1 GiB            %7.2f s  %7.0f MB/s\n' "$b" "$(echo "1073.741824 / $b" | bc -l)"
printf '(c) sharekit 10000 x 4 KiB %7.2f s\n' "$c"
printf '(d) tar|nc|tar same files  %7.2f s\n' "$d"
printf 'ratio (a)/(b) = %.2f   (goal >= 0.85)\n' "$(echo "$b / $a" | bc -l)"
printf 'ratio (c)/tar = %.2f   (goal >= 0.5)\n' "$(echo "$d / $c" | bc -l)"
