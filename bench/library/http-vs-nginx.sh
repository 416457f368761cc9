#!/usr/bin/env bash
# Issue 8 benchmark, on loopback:
#  1. a 1 GiB download from the library web page (sharekit serve, http-library) with curl, against the same file
#     from nginx started here on a high port as this user's own process; goal: sharekit/nginx >= 0.9;
#  2. catalog build time for 20,000 generated files: how long until the listing is complete (the API answers with
#     every file), and how long until every file is hashed in the background.
# Usage: bench/library/http-vs-nginx.sh [runs (default 3)] [files (default 20000)]
# Needs: dotnet, curl, nginx (Debian: nginx-light or nginx), python3. Prints a small report to stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
files=${2:-20000}
for tool in curl nginx python3 dotnet; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "needs $tool" >&2; exit 1; }
done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d /tmp/sharekit-bench-library.XXXXXX)
chmod 755 "$work"   # nginx's workers run as another user when this script runs as root
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

echo "building (Release)…" >&2
dotnet build host/ShareKit.Host/ShareKit.Host.csproj -c Release -nologo -clp:ErrorsOnly -v:q >&2
host_dll="$PWD/host/ShareKit.Host/bin/Release/net10.0/sharekit.dll"

# Starts `sharekit serve` for a library folder; sets $serve_pid and $serve_port; waits for "ready".
start_sharekit() {
  local root=$1 data=$2 log=$3
  serve_port=$(free_port)
  mkdir -p "$data"
  cat > "$data/plugins.json" <<JSON
{
  "node": { "name": "bench", "dataDirectory": "$data" },
  "plugins": { "ShareKit.Storage.Local": { "enabled": true }, "ShareKit.Http": { "enabled": true } },
  "shares": { "library": { "storage": "local", "access": "public-read", "settings": { "root": "$root", "readOnly": true } } },
  "services": { "http-library": { "enabled": true, "settings": { "listen": "tcp://127.0.0.1:$serve_port", "share": "library" } } }
}
JSON
  dotnet "$host_dll" serve --config "$data/plugins.json" >"$log" 2>&1 &
  serve_pid=$!
  pids+=("$serve_pid")
  for _ in $(seq 1 300); do
    grep -q "ready" "$log" && return 0
    kill -0 "$serve_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
  done
  echo "sharekit did not become ready" >&2; cat "$log" >&2; exit 1
}

stop_pid() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

best_rate() { # url → best bytes/s over $runs runs; fails unless each run is a 200 with the whole GiB
  local best=0 code size rate
  for _ in $(seq 1 "$runs"); do
    read -r code size rate < <(curl -s -o /dev/null -w '%{http_code} %{size_download} %{speed_download}\n' "$1")
    [ "$code" = 200 ] && [ "$size" = 1073741824 ] || { echo "$1 gave HTTP $code with $size bytes" >&2; exit 1; }
    best=$(python3 -c "print(max(float('$best'), float('$rate')))")
  done
  echo "$best"
}

# --- 1. 1 GiB download: sharekit vs nginx -------------------------------------------------------------
mkdir -p "$work/big"
echo "writing 1 GiB of random data…" >&2
head -c 1073741824 /dev/urandom > "$work/big/big.bin"

start_sharekit "$work/big" "$work/data-big" "$work/serve-big.log"
curl -s -o /dev/null "http://127.0.0.1:$serve_port/files/big.bin"   # warm-up (page cache, JIT)
sharekit_rate=$(best_rate "http://127.0.0.1:$serve_port/files/big.bin")
stop_pid "$serve_pid"

nginx_port=$(free_port)
mkdir -p "$work/nginx/logs" "$work/nginx/tmp"
cat > "$work/nginx/nginx.conf" <<CONF
daemon off;
$( [ "$(id -u)" = 0 ] && echo "user root;" )
worker_processes 1;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  server { listen 127.0.0.1:$nginx_port; root $work/big; }
}
CONF
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
pids+=("$nginx_pid")
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$nginx_port/" && break; sleep 0.05; done
curl -s -o /dev/null "http://127.0.0.1:$nginx_port/big.bin"
nginx_rate=$(best_rate "http://127.0.0.1:$nginx_port/big.bin")
stop_pid "$nginx_pid"
rm -f "$work/big/big.bin"

# --- 2. catalog of $files generated files --------------------------------------------------------------
echo "generating $files files…" >&2
python3 - "$work/many" "$files" <<'PY'
import os, sys
root, count = sys.argv[1], int(sys.argv[2])
for i in range(count):
    folder = os.path.join(root, f"shelf-{i // 1000:02d}", f"row-{(i // 50) % 20:02d}")
    os.makedirs(folder, exist_ok=True)
    ext = (".txt", ".mp3", ".epub", ".pdf", ".jpg")[i % 5]
    with open(os.path.join(folder, f"item-{i:05d}{ext}"), "wb") as f:
        f.write(os.urandom(2048 + (i % 7) * 1024))
PY
start_ns=$(date +%s%N)
start_sharekit "$work/many" "$work/data-many" "$work/serve-many.log"
listed=$(python3 - "$serve_port" "$files" <<'PY'
import json, sys, time, urllib.request
port, want = sys.argv[1], int(sys.argv[2])
deadline = time.time() + 600
while time.time() < deadline:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/search?limit=1", timeout=60) as r:
            if json.load(r)["total"] >= want:
                print("ok"); sys.exit(0)
    except OSError:
        pass
    time.sleep(0.05)
print("timeout")
PY
)
listed_ns=$(date +%s%N)
hashed=$(python3 - "$serve_port" "$files" <<'PY'
import json, sys, time, urllib.request
port, want = sys.argv[1], int(sys.argv[2])
deadline = time.time() + 1800
while time.time() < deadline:
    missing, offset = 0, 0
    while True:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/search?limit=1000&offset={offset}", timeout=60) as r:
            page = json.load(r)
        missing += sum(1 for e in page["entries"] if e["sha256"] is None)
        offset += len(page["entries"])
        if offset >= page["total"] or not page["entries"]:
            break
    if missing == 0 and offset >= want:
        print("ok"); sys.exit(0)
    time.sleep(0.5)
print("timeout")
PY
)
hashed_ns=$(date +%s%N)
scan_line=$(grep -o "[0-9]* files and folders listed in [0-9]* ms" "$work/serve-many.log" | head -1 || true)
stop_pid "$serve_pid"

python3 - "$sharekit_rate" "$nginx_rate" "$files" "$start_ns" "$listed_ns" "$hashed_ns" "$listed" "$hashed" "$scan_line" "$runs" <<'PY'
import sys
sk, ng = float(sys.argv[1]), float(sys.argv[2])
files, start, listed, hashed = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
mib = 1024 * 1024
print(f"1 GiB over loopback, best of {sys.argv[10]} curl runs:")
print(f"  sharekit http-library  {sk / mib:8.1f} MiB/s")
print(f"  nginx (sendfile)       {ng / mib:8.1f} MiB/s")
print(f"  ratio sharekit/nginx   {sk / ng:8.2f}   (goal >= 0.9)")
print(f"catalog of {files} files:")
print(f"  process start -> API lists every file   {(listed - start) / 1e9:6.2f} s ({sys.argv[7]})")
print(f"  process start -> every file hashed      {(hashed - start) / 1e9:6.2f} s ({sys.argv[8]})")
print(f"  catalog's own log: {sys.argv[9] or 'n/a'}")
PY
