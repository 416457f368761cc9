#!/usr/bin/env bash
# Issue 4 and issue 7 benchmarks through the real CLI (`sharekit send` / `sharekit receive`), on loopback, in one run:
#   (a) 1 GiB file, sharekit, encrypted layer      (b) the same, --layers none (plain)
#   (c) 1 GiB file, socat -b 1048576 file to file  (d) the same, scp -c aes128-gcm@openssh.com to our own sshd
#   (e) 10,000 x 4 KiB files, sharekit plain       (f) the same, tar c | nc | tar x
# and prints the ratios with their goals: (a)/(b) >= 0.75, (a) vs scp >= 1.25, (b)/(c) >= 0.85, (e)/(f) >= 0.5
# (each a throughput ratio: baseline seconds / sharekit seconds).
#
# sshd runs as this user's own process on 127.0.0.1:PORT with a throw-away host key and client key from the temp
# directory; the system ssh service is neither enabled nor started. Everything is removed on exit.
# Usage: bench/peer/send-vs-baselines.sh [work-dir]
#   needs: dotnet, socat, netcat-openbsd, openssh-server, openssh-client, python3, bc, ss; ~3 GiB free in work-dir
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
for tool in dotnet socat nc tar scp ssh-keygen python3 bc ss; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install -y openssh-server openssh-client socat netcat-openbsd bc)" >&2; exit 2; }
done
[ -x /usr/sbin/sshd ] || { echo "needs /usr/sbin/sshd (apt-get install -y openssh-server)" >&2; exit 2; }

work=${1:-$(mktemp -d /tmp/sharekit-send-bench.XXXXXX)}
mkdir -p "$work"
work=$(cd "$work" && pwd)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -s "$work/ssh/sshd.pid" ]; then kill "$(cat "$work/ssh/sshd.pid" 2>/dev/null)" 2>/dev/null || true; fi
  wait 2>/dev/null || true
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"
}
trap cleanup EXIT INT TERM

echo "== building host (Release)"
dotnet build -c Release "$repo/host/ShareKit.Host" -v q -nologo >/dev/null
sharekit_dll="$repo/host/ShareKit.Host/bin/Release/net10.0/sharekit.dll"
[ -f "$sharekit_dll" ] || { echo "no $sharekit_dll after the build" >&2; exit 1; }

now() { date +%s.%N; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# Waits until something listens on the port without connecting to it (socat and nc accept only one connection).
wait_port() { for _ in $(seq 1 1200); do ss -Hltn "sport = :$1" | grep -q . && return 0; sleep 0.05; done; echo "port $1 never opened" >&2; exit 1; }

# Sender and receiver are two nodes: each its own data directory (node key, pinned peers).
write_config() {   # $1 = file, $2 = node name, $3 = data directory
  cat > "$1" <<JSON
{
  "node": { "name": "$2", "dataDirectory": "$3" },
  "plugins": {
    "ShareKit.Transport.Tcp": { "enabled": true, "settings": { "noDelay": true } },
    "ShareKit.Storage.Local": { "enabled": true },
    "ShareKit.Security.Encrypted": { "enabled": true, "settings": { "trust": "tofu" } }
  },
  "endpoint": { "listen": [ "tcp://127.0.0.1:0" ], "layers": [ "encrypted" ] },
  "discovery": {},
  "shares": {},
  "services": {}
}
JSON
}
write_config "$work/sender.json" bench-sender "$work/sender-data"
write_config "$work/receiver.json" bench-receiver "$work/receiver-data"
sk() { local config=$1; shift; dotnet "$sharekit_dll" --config "$config" "$@"; }

echo "== preparing data in $work"
mkdir -p "$work/src"
head -c $((1 << 30)) /dev/urandom > "$work/src/big.bin"
head -c $((8 << 20)) /dev/urandom > "$work/src/warm.bin"
python3 - "$work/src/many" <<'PY'
import os, sys
root = sys.argv[1]
for d in range(10):
    os.makedirs(f"{root}/d{d}", exist_ok=True)
    for f in range(1000):
        with open(f"{root}/d{d}/f{f:04}.bin", "wb") as out:
            out.write(os.urandom(4096))
PY
cat "$work/src/big.bin" > /dev/null   # page cache: every run reads from memory

sharekit_run() {   # $1 = path to send, $2.. = extra options for both sides; prints seconds
  local what=$1; shift
  rm -rf "$work/dst" && mkdir -p "$work/dst"
  local addrfile="$work/address.txt"
  rm -f "$addrfile"
  sk "$work/receiver.json" receive --yes -o "$work/dst" --listen tcp://127.0.0.1:0 "$@" > "$addrfile" 2> "$work/receiver.log" &
  local receiver=$!
  pids+=("$receiver")
  for _ in $(seq 1 1200); do [ -s "$addrfile" ] && break; sleep 0.05; done
  [ -s "$addrfile" ] || { echo "receiver printed no address; see $work/receiver.log" >&2; cat "$work/receiver.log" >&2; exit 1; }
  local address; address=$(head -n 1 "$addrfile")
  local t0; t0=$(now)
  sk "$work/sender.json" send "$address" "$what" "$@" > "$work/sender.log" 2>&1 \
    || { echo "sharekit send failed; see below" >&2; cat "$work/sender.log" "$work/receiver.log" >&2; exit 1; }
  wait "$receiver"
  local t1; t1=$(now)
  echo "$t1 - $t0" | bc -l
}

socat_run() {
  rm -f "$work/socat.out"
  local port; port=$(free_port)
  socat -b 1048576 -u TCP-LISTEN:"$port",bind=127.0.0.1,reuseaddr OPEN:"$work/socat.out",creat,trunc &
  local receiver=$!
  pids+=("$receiver")
  wait_port "$port"
  local t0; t0=$(now)
  socat -b 1048576 -u OPEN:"$work/src/big.bin" TCP:127.0.0.1:"$port"
  wait "$receiver"
  local t1; t1=$(now)
  echo "$t1 - $t0" | bc -l
}

start_sshd() {
  local dir="$work/ssh"
  mkdir -p "$dir" && chmod 700 "$dir"
  ssh-keygen -q -t ed25519 -N '' -f "$dir/host_key"
  ssh-keygen -q -t ed25519 -N '' -f "$dir/client_key"
  cp "$dir/client_key.pub" "$dir/authorized_keys"
  ssh_port=$(free_port)
  cat > "$dir/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $ssh_port
HostKey $dir/host_key
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
StrictModes no
Subsystem sftp internal-sftp
CONF
  # sshd refuses to start as root without its privilege-separation directory.
  [ "$(id -u)" != 0 ] || mkdir -p /run/sshd
  /usr/sbin/sshd -D -f "$dir/sshd_config" -p "$ssh_port" -E "$dir/sshd.log" &
  pids+=("$!")
  wait_port "$ssh_port"
}

scp_run() {   # $1 = file to copy; prints seconds
  local dir="$work/ssh"
  rm -f "$work/scp.out"
  local t0; t0=$(now)
  scp -q -F /dev/null -P "$ssh_port" -i "$dir/client_key" -c aes128-gcm@openssh.com \
      -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile="$dir/known_hosts" \
      "$1" "$(id -un)@127.0.0.1:$work/scp.out"
  local t1; t1=$(now)
  echo "$t1 - $t0" | bc -l
}

tar_run() {
  rm -rf "$work/tardst" && mkdir -p "$work/tardst"
  local port; port=$(free_port)
  (nc -l 127.0.0.1 "$port" | tar xf - -C "$work/tardst") &
  local receiver=$!
  pids+=("$receiver")
  wait_port "$port"
  local t0; t0=$(now)
  tar cf - -C "$work/src" many | nc -N 127.0.0.1 "$port"
  wait "$receiver"
  local t1; t1=$(now)
  echo "$t1 - $t0" | bc -l
}

echo "== warm-up (encrypted, pins both node keys on first use) and plain"
sharekit_run "$work/src/warm.bin" >/dev/null; cmp "$work/src/warm.bin" "$work/dst/warm.bin"
sharekit_run "$work/src/warm.bin" --layers none >/dev/null; cmp "$work/src/warm.bin" "$work/dst/warm.bin"
start_sshd
scp_run "$work/src/warm.bin" >/dev/null; cmp "$work/src/warm.bin" "$work/scp.out"   # also records the host key

echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
enc=$(sharekit_run "$work/src/big.bin"); cmp "$work/src/big.bin" "$work/dst/big.bin"; rm -rf "$work/dst"
plain=$(sharekit_run "$work/src/big.bin" --layers none); cmp "$work/src/big.bin" "$work/dst/big.bin"; rm -rf "$work/dst"
sock=$(socat_run); cmp "$work/src/big.bin" "$work/socat.out"; rm -f "$work/socat.out"
scpt=$(scp_run "$work/src/big.bin"); cmp "$work/src/big.bin" "$work/scp.out"; rm -f "$work/scp.out"
small=$(sharekit_run "$work/src/many" --layers none); diff -r "$work/src/many" "$work/dst/many" >/dev/null
tarnc=$(tar_run); diff -r "$work/src/many" "$work/tardst/many" >/dev/null
echo "== load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"

mbs() { echo "1073.741824 / $1" | bc -l; }
printf '(a) sharekit encrypted 1 GiB   %7.2f s  %6.0f MB/s\n' "$enc" "$(mbs "$enc")"
printf '(b) sharekit plain 1 GiB       %7.2f s  %6.0f MB/s\n' "$plain" "$(mbs "$plain")"
printf '(c) socat 1 GiB                %7.2f s  %6.0f MB/s\n' "$sock" "$(mbs "$sock")"
printf '(d) scp aes128-gcm 1 GiB       %7.2f s  %6.0f MB/s\n' "$scpt" "$(mbs "$scpt")"
printf '(e) sharekit plain 10000x4 KiB %7.2f s\n' "$small"
printf '(f) tar|nc|tar same files      %7.2f s\n' "$tarnc"
printf 'encrypted / plain       = %.2f   (goal >= 0.75)\n' "$(echo "$plain / $enc" | bc -l)"
printf 'encrypted vs scp        = %.2f x (goal >= 1.25)\n' "$(echo "$scpt / $enc" | bc -l)"
printf 'plain / socat           = %.2f   (goal >= 0.85)\n' "$(echo "$sock / $plain" | bc -l)"
printf 'small files / tar|nc    = %.2f   (goal >= 0.5)\n' "$(echo "$tarnc / $small" | bc -l)"
