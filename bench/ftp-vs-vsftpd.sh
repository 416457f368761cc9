#!/usr/bin/env bash
# ShareKit's FTP service against vsftpd (Debian) on loopback, in one run:
#   1. RETR and STOR of a big file with curl (throughput ratio ShareKit/vsftpd, goal >= 1.0 each);
#   2. N clients connecting and logging in at once (wall-time ratio, goal <= 0.5);
#   3. resident memory with N idle logged-in sessions.
# Usage: bench/ftp-vs-vsftpd.sh [SIZE_MIB=1024] [CLIENTS=300]   (as root: installs vsftpd if missing, and removes
# it again afterwards if it installed it). vsftpd runs in the foreground as this script's own child process.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MIB=${1:-${SIZE_MIB:-1024}}
CLIENTS=${2:-${CLIENTS:-300}}
VS_PORT=${VS_PORT:-2221}
SK_PORT=${SK_PORT:-2122}
PY=$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3 )
work=$(mktemp -d /tmp/ftp-bench.XXXXXX)
installed_vsftpd=0
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
  if [ "$installed_vsftpd" = 1 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq vsftpd >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

# --- vsftpd (one FTP server package at a time: vsftpd, pure-ftpd and proftpd conflict in apt) ---
if ! command -v vsftpd >/dev/null && [ ! -x /usr/sbin/vsftpd ]; then
  for other in pure-ftpd proftpd-core proftpd-basic; do
    if dpkg-query -W -f='${Status}' "$other" 2>/dev/null | grep -q "install ok installed"; then
      echo "$other is installed; remove it before installing vsftpd" >&2; exit 1
    fi
  done
  echo "installing vsftpd (removed again at the end)" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq vsftpd >/dev/null
  installed_vsftpd=1
fi
VSFTPD=$(command -v vsftpd || echo /usr/sbin/vsftpd)
mkdir -p /var/run/vsftpd/empty

# Test data: one big file in both roots (vsftpd's anonymous root must not be writable by 'ftp').
mkdir -p "$work/vs-root/upload" "$work/sk-data/library" "$work/sk-data/inbox" "$work/client"
head -c "$((SIZE_MIB * 1024 * 1024))" /dev/urandom > "$work/big.bin"
cp "$work/big.bin" "$work/vs-root/big.bin"
cp "$work/big.bin" "$work/sk-data/library/big.bin"
chown -R root:root "$work/vs-root"; chmod 755 "$work/vs-root"; chown ftp "$work/vs-root/upload" 2>/dev/null || chmod 777 "$work/vs-root/upload"

cat > "$work/vsftpd.conf" <<EOF
listen=YES
listen_ipv6=NO
listen_address=127.0.0.1
listen_port=$VS_PORT
background=NO
seccomp_sandbox=NO
anonymous_enable=YES
local_enable=NO
anon_root=$work/vs-root
no_anon_password=YES
write_enable=YES
anon_upload_enable=YES
anon_mkdir_write_enable=NO
max_clients=0
max_per_ip=0
pasv_enable=YES
use_localtime=NO
xferlog_enable=NO
EOF
"$VSFTPD" "$work/vsftpd.conf" &
pids+=($!); vs_pid=$!

# --- ShareKit: the host serving a library (anonymous) and an inbox (user bench/bench, read-write) ---
hash=$("$PY" -c 'import hashlib,os,base64; s=os.urandom(16); n=1000; h=hashlib.pbkdf2_hmac("sha256", b"bench", s, n); print(f"pbkdf2-sha256${n}${base64.b64encode(s).decode()}${base64.b64encode(h).decode()}")')
cat > "$work/plugins.json" <<EOF
{
  "node": { "name": "bench", "dataDirectory": "$work/sk-data" },
  "plugins": { "ShareKit.Storage.Local": { "enabled": true }, "ShareKit.Ftp": { "enabled": true } },
  "endpoint": { "listen": [], "layers": [] },
  "discovery": {},
  "shares": {
    "library": { "storage": "local", "access": "public-read", "settings": { "root": "library" } },
    "inbox": { "storage": "local", "access": "private", "settings": { "root": "inbox" } }
  },
  "services": {
    "ftp": { "enabled": true, "settings": {
      "listen": "tcp://127.0.0.1:$SK_PORT", "shares": [ "library" ], "tls": { "mode": "off" },
      "limits": { "connections": 5000, "connectionsPerAddress": 5000 },
      "users": [ { "name": "bench", "passwordHash": "$hash", "share": "inbox", "access": "read-write" } ] } }
  }
}
EOF
dotnet build host/ShareKit.Host/ShareKit.Host.csproj -c Release -nologo -clp:ErrorsOnly >&2
for p in plugins/ShareKit.Ftp plugins/ShareKit.Storage.Local; do dotnet build "$p" -c Release -nologo -clp:ErrorsOnly >&2; done
dotnet host/ShareKit.Host/bin/Release/net10.0/sharekit.dll serve --config "$work/plugins.json" >"$work/sharekit.log" 2>&1 &
pids+=($!); sk_pid=$!

wait_port() { for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.2; done; echo "port $1 never opened" >&2; return 1; }
wait_port "$VS_PORT"; wait_port "$SK_PORT"

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); echo "$end - $start" | bc -l; }
mibps() { echo "scale=1; $SIZE_MIB / $1" | bc -l; }
ratio() { echo "scale=3; $1 / $2" | bc -l; }

echo "== RETR ${SIZE_MIB} MiB (curl, binary, EPSV)"
vs_retr=$(seconds curl -sS -o "$work/client/vs.bin" "ftp://127.0.0.1:$VS_PORT/big.bin")
sk_retr=$(seconds curl -sS -o "$work/client/sk.bin" "ftp://127.0.0.1:$SK_PORT/big.bin")
cmp "$work/big.bin" "$work/client/sk.bin"
echo "vsftpd $(mibps "$vs_retr") MiB/s   ShareKit $(mibps "$sk_retr") MiB/s   ratio (ShareKit/vsftpd throughput) $(ratio "$vs_retr" "$sk_retr")"

echo "== STOR ${SIZE_MIB} MiB (curl)"
vs_stor=$(seconds curl -sS -T "$work/big.bin" "ftp://127.0.0.1:$VS_PORT/upload/up.bin")
sk_stor=$(seconds curl -sS -T "$work/big.bin" "ftp://bench:bench@127.0.0.1:$SK_PORT/up.bin")
cmp "$work/big.bin" "$work/sk-data/inbox/up.bin"
echo "vsftpd $(mibps "$vs_stor") MiB/s   ShareKit $(mibps "$sk_stor") MiB/s   ratio (ShareKit/vsftpd throughput) $(ratio "$vs_stor" "$sk_stor")"

cat > "$work/logins.py" <<'EOF'
import ftplib, sys, threading, time
port, clients, hold = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "hold"
sessions, errors, ready, release = [], [], threading.Barrier(clients + 1), threading.Event()
def one():
    try:
        ftp = ftplib.FTP()
        ftp.connect("127.0.0.1", port, timeout=120)
        ftp.login()
        sessions.append(ftp)
    except Exception as e:
        errors.append(repr(e))
    ready.wait()
    if hold:
        release.wait()
threads = [threading.Thread(target=one) for _ in range(clients)]
start = time.monotonic()
for t in threads: t.start()
ready.wait()
elapsed = time.monotonic() - start
print(f"{elapsed:.3f} {len(sessions)} {len(errors)}", flush=True)
if errors:
    print("first error: " + errors[0], file=sys.stderr)
if hold:
    sys.stdin.readline()
    release.set()
for f in sessions:
    try: f.quit()
    except Exception: f.close()
for t in threads: t.join()
EOF

echo "== $CLIENTS clients connecting and logging in at once"
read -r vs_login vs_ok vs_err < <("$PY" "$work/logins.py" "$VS_PORT" "$CLIENTS" go)
read -r sk_login sk_ok sk_err < <("$PY" "$work/logins.py" "$SK_PORT" "$CLIENTS" go)
echo "vsftpd ${vs_login} s ($vs_ok ok, $vs_err failed)   ShareKit ${sk_login} s ($sk_ok ok, $sk_err failed)   wall-time ratio $(ratio "$sk_login" "$vs_login")"

rss_tree() {  # resident KiB of a process and all its descendants
  local total=0 pid
  for pid in $1 $(pgrep -P "$1" 2>/dev/null); do
    total=$((total + $(ps -o rss= -p "$pid" 2>/dev/null || echo 0)))
    [ "$pid" != "$1" ] && for c in $(pgrep -P "$pid" 2>/dev/null); do total=$((total + $(ps -o rss= -p "$c" 2>/dev/null || echo 0))); done
  done
  echo "$total"
}

echo "== resident memory with $CLIENTS idle logged-in sessions"
for server in vsftpd ShareKit; do
  if [ $server = vsftpd ]; then port=$VS_PORT; pid=$vs_pid; else port=$SK_PORT; pid=$sk_pid; fi
  # The dotnet host may be a child of 'dotnet' (muxer) — measure the whole tree either way.
  before=$(rss_tree "$pid")
  coproc HOLD { "$PY" "$work/logins.py" "$port" "$CLIENTS" hold; }
  read -r _ ok _ <&"${HOLD[0]}"
  after=$(rss_tree "$pid")
  echo "$server: ${before} KiB before, ${after} KiB with $ok sessions ($(( (after - before) / (ok > 0 ? ok : 1) )) KiB per session)"
  echo >&"${HOLD[1]}"; wait "$HOLD_PID" 2>/dev/null || true
done
