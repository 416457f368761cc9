#!/usr/bin/env bash
# 1 GiB written and read through ShareKit's S3 store vs the Debian aws CLI (/usr/bin/aws s3 cp), same endpoint.
# Starts its own single-node Ceph RGW (tests/fixtures/ceph-rgw) unless S3_ENDPOINT is given (then it needs
# AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY and an existing BUCKET). RUNS=3 runs each; prints every run and the
# ratio of medians (aws seconds / ShareKit seconds: above 1.0 means ShareKit is faster). PART_SIZE_MIB and
# PARTS_IN_FLIGHT set the store's partSizeMiB and partsInFlight (defaults 16 and 2).
# Needs: apt-get install -y awscli ceph-mon ceph-osd radosgw ceph-common curl; about 3 GB of RAM for memstore.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${RUNS:-3}; SIZE_MIB=${SIZE_MIB:-1024}; BUCKET=${BUCKET:-bench}
AWS=/usr/bin/aws
[ -x "$AWS" ] || { echo "needs the Debian aws CLI: apt-get install -y awscli" >&2; exit 2; }
WORK=$(mktemp -d /tmp/sharekit-s3-bench.XXXXXX)
STATE="$WORK/ceph"
cleanup() { [ -d "$STATE" ] && "$ROOT/tests/fixtures/ceph-rgw/stop.sh" "$STATE"; rm -rf "$WORK"; }
trap cleanup EXIT

export AWS_DEFAULT_REGION=${AWS_DEFAULT_REGION:-us-east-1}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
if [ -z "${S3_ENDPOINT:-}" ]; then
  RGW_PORT=$(free_port); MON_PORT=$(free_port)
  RGW_PORT=$RGW_PORT MON_PORT=$MON_PORT WATCH_PID=$$ "$ROOT/tests/fixtures/ceph-rgw/start.sh" "$STATE" >&2
  S3_ENDPOINT=http://127.0.0.1:$RGW_PORT
  export AWS_ACCESS_KEY_ID=AKTEST AWS_SECRET_ACCESS_KEY=SKTEST
  "$AWS" --endpoint-url "$S3_ENDPOINT" s3 mb "s3://$BUCKET" >&2
fi
A=("$AWS" --endpoint-url "$S3_ENDPOINT")

dotnet build "$ROOT/bench/s3/S3Bench/S3Bench.csproj" -c Release -o "$WORK/bin" -nologo -v q -clp:ErrorsOnly >&2
head -c $((SIZE_MIB * 1024 * 1024)) /dev/urandom > "$WORK/data.bin"
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" > /dev/null; t1=$(date +%s.%N); awk "BEGIN{printf \"%.2f\", $t1-$t0}"; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

# Deleted objects stay until RGW's garbage collection; run it between measurements so no run pays for the last.
settle() { [ -d "$STATE" ] && radosgw-admin -c "$STATE/ceph.conf" gc process --include-all >/dev/null 2>&1 || true; }
sharekit_pair() {
  sk_w+=("$(seconds dotnet "$WORK/bin/S3Bench.dll" write "$S3_ENDPOINT" "$BUCKET" sharekit.bin "$WORK/data.bin")")
  sk_r+=("$(seconds dotnet "$WORK/bin/S3Bench.dll" read "$S3_ENDPOINT" "$BUCKET" sharekit.bin)")
  "${A[@]}" s3 rm --quiet "s3://$BUCKET/sharekit.bin"; settle
}
aws_pair() {
  aws_w+=("$(seconds "${A[@]}" s3 cp --quiet "$WORK/data.bin" "s3://$BUCKET/aws.bin")")
  aws_r+=("$(seconds sh -c "\"\$0\" \"\$@\" > /dev/null" "${A[@]}" s3 cp --quiet "s3://$BUCKET/aws.bin" -)")
  "${A[@]}" s3 rm --quiet "s3://$BUCKET/aws.bin"; settle
}
sk_w=(); sk_r=(); aws_w=(); aws_r=()
for run in $(seq 1 "$RUNS"); do
  # Alternate who goes first, so neither always meets a warmer (or busier) store.
  if [ $((run % 2)) = 1 ]; then sharekit_pair; aws_pair; else aws_pair; sharekit_pair; fi
  echo "run $run: write sharekit ${sk_w[-1]} s, aws ${aws_w[-1]} s; read sharekit ${sk_r[-1]} s, aws ${aws_r[-1]} s"
done
mw=$(median "${sk_w[@]}"); ma=$(median "${aws_w[@]}"); rr=$(median "${sk_r[@]}"); ra=$(median "${aws_r[@]}")
echo "median ${SIZE_MIB} MiB write: sharekit $mw s, aws $ma s, ratio $(awk "BEGIN{printf \"%.2f\", $ma/$mw}")"
echo "median ${SIZE_MIB} MiB read:  sharekit $rr s, aws $ra s, ratio $(awk "BEGIN{printf \"%.2f\", $ra/$rr}")"
