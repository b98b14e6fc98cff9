#!/usr/bin/env bash
# TFTP benchmark: tftpd-hpa (in.tftpd) and ztpbox measured in ONE run, in the SAME
# network namespace, serving the SAME files to the SAME clients.
#
# Set-up (as the shared BASELINES.md section 2): tftpd-hpa listens on
# 127.0.0.1:6969 (`in.tftpd --listen --foreground --address 127.0.0.1:6969
# --secure DIR`), ztpbox (java -jar ztpbox.jar run) on port 6970 of the same
# namespace's loopback; DIR is ztpbox's own <state-dir>/files, so both serve the
# very same bytes. Clients: curl (default 512-byte blocks and --tftp-blksize 1428)
# and atftp (--option "blksize N", and for windowed rows --option "windowsize W";
# tftpd-hpa 5.2 ignores windowsize, so there atftp falls back to lock-step).
#
# Rows
#   single   one 32 MiB file (BIG_MB), per client and block size; seconds and MiB/s
#   window   atftp with windowsize (RFC 7440) on the same file
#   storm    N concurrent curl downloads of a 1 MiB file (SMALL_KB), N in CONCURRENCY,
#            at blksize 512 and 1428: wall time until the last one ends, aggregate MiB/s
# Every downloaded file is compared byte for byte with the served one (cmp); a
# failed or different download is counted and reported, never silently dropped.
#
# Method: RUNS runs per point (median [min-max] in the table); servers alternate
# within each run so that noise hits both alike. Single-transfer rows pin the servers
# (all their threads; tftpd-hpa's per-transfer child inherits it) and the client to
# one CPU (PIN=same, the default): a lock-step transfer is a ping-pong of wake-ups, and
# on this VM a wake-up across CPUs costs ~100 us, so an unpinned run measures where the
# scheduler happened to put the two processes (1.5 s or 8 s for the same 32 MiB) rather
# than the servers. PIN=none measures unpinned. Storm rows always run unpinned. Before each point the script waits
# up to BG_WAIT s until other load on the box is below BG_MAX cores and records it
# (bg). Both servers get one untimed warm-up of every row first (the JVM compiles
# its hot paths; tftpd-hpa gets the same so the page cache is equally warm). The
# load generators share the 2 cores with the servers: every figure is a lower bound.
#
# ztpbox config: defaults, except tftp.port 6970 and max-transfers-per-client 256:
# the fairness cap per client address (default 4) is meant for phones, each with its
# own address; here every client is 127.0.0.1, so the cap would serialise the storm
# rows. dhcp.mode watch on a veth pair inside the namespace (it answers nobody).
#
# Usage (as root):
#   sudo bash src/bench/tftp/bench.sh [RESULTS.md] [ZTPBOX.jar]
#     RESULTS.md  default /tmp/tftp-bench-results.md
#     ZTPBOX.jar  default $ZTPBOX_JAR or target/ztpbox.jar of this checkout
# Environment (defaults in brackets):
#   RUNS [3] (1-9)  BIG_MB [32]  SMALL_KB [1024]  CONCURRENCY ["50 200"]
#   WINDOWS ["8 16 64"]  ONLY [""] (measure only rows whose label contains it)
#   SERVERS ["tftpd ztpbox"]  PIN [same] (same|none)  PIN_CPU [0]
#   JAVA_OPTS ["-XX:+UseParallelGC -Xms256m"]
#   BG_MAX [0.5] BG_WAIT [30]   KEEP_TMP [0] (1: keep logs and files)
#
# Network safety: everything runs inside one namespace created here (ztb-PID) on
# its loopback; the host's interfaces and routes are not touched. Every process is
# stopped by PID; the namespace and the temp dir are removed on exit (also on
# Ctrl-C / TERM).

set -u -o pipefail
# shellcheck source=src/bench/lib.sh
source "$(dirname "$0")/../lib.sh"

RESULTS=${1:-/tmp/tftp-bench-results.md}
JAR=${2:-${ZTPBOX_JAR:-$(cd "$(dirname "$0")/../../.." && pwd)/target/ztpbox.jar}}
RUNS=${RUNS:-3}
BIG_MB=${BIG_MB:-32}
SMALL_KB=${SMALL_KB:-1024}
CONCURRENCY=${CONCURRENCY:-"50 200"}
WINDOWS=${WINDOWS:-"8 16 64"}
SERVERS=${SERVERS:-"tftpd ztpbox"}
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseParallelGC -Xms256m"}
BG_MAX=${BG_MAX:-0.5}
BG_WAIT=${BG_WAIT:-30}
PIN=${PIN:-same}
PIN_CPU=${PIN_CPU:-0}

NS="ztb-$$"
TFTPD=/usr/sbin/in.tftpd
TFTPD_PORT=6969
ZTPBOX_PORT=6970
CLK_TCK=$(getconf CLK_TCK)

TMP=""
TFTPD_PID=""
ZTPBOX_PID=""
NS_CREATED=0



cleanup() {
    trap - EXIT INT TERM
    stop_pid "$ZTPBOX_PID"; ZTPBOX_PID=""
    stop_pid "$TFTPD_PID"; TFTPD_PID=""
    if [ "$NS_CREATED" = 1 ]; then
        ip netns del "$NS" 2>/dev/null   # also ends anything left inside it
        NS_CREATED=0
    fi
    if [ -n "$TMP" ] && [ -d "$TMP" ]; then
        if [ "${KEEP_TMP:-0}" = 1 ]; then log "kept $TMP"; else rm -rf -- "$TMP"; fi
    fi
    TMP=""
}
trap cleanup EXIT
trap 'log "interrupted"; cleanup; exit 130' INT TERM

# ---------------------------------------------------------------- checks
[ "$(id -u)" = 0 ] || die "run as root (network namespaces)"
for c in ip java curl atftp cmp awk getconf "$TFTPD"; do
    command -v "$c" >/dev/null || die "missing command: $c (Debian: apt-get install curl atftp tftpd-hpa)"
done
[ -f "$JAR" ] || die "ztpbox jar not found: $JAR (mvn -B package -DskipTests)"
[[ $RUNS =~ ^[1-9]$ ]] || die "RUNS must be 1-9"
[[ $BIG_MB =~ ^[0-9]+$ ]] && [ "$BIG_MB" -ge 1 ] && [ "$BIG_MB" -le 1024 ] || die "BIG_MB must be 1-1024"
[[ $SMALL_KB =~ ^[0-9]+$ ]] && [ "$SMALL_KB" -ge 1 ] && [ "$SMALL_KB" -le 65536 ] || die "SMALL_KB must be 1-65536"
for n in $CONCURRENCY; do [[ $n =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] && [ "$n" -le 500 ] || die "CONCURRENCY values must be 1-500"; done
for w in $WINDOWS; do [[ $w =~ ^[0-9]+$ ]] && [ "$w" -ge 1 ] && [ "$w" -le 1024 ] || die "WINDOWS values must be 1-1024"; done
[[ $BG_WAIT =~ ^[0-9]+$ ]] && [ "$BG_WAIT" -le 300 ] || die "BG_WAIT must be 0-300"
[[ $BG_MAX =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "BG_MAX must be a number of cores"
[ "$PIN" = same ] || [ "$PIN" = none ] || die "PIN must be same or none"
[[ $PIN_CPU =~ ^[0-9]+$ ]] && [ "$PIN_CPU" -lt "$(nproc)" ] || die "PIN_CPU must be a CPU number below $(nproc)"
command -v taskset >/dev/null || die "missing command: taskset (util-linux)"

# ---------------------------------------------------------------- load

# Wait (at most BG_WAIT s) until the box's load is below BG_MAX cores (the servers are
# idle between points, so all of it is someone else's); set BG to the last 1-s sample.
wait_quiet() {
    local deadline=$((SECONDS + BG_WAIT)) b0 b1
    BG=NA
    while :; do
        b0=$(sys_busy_ticks); sleep 1; b1=$(sys_busy_ticks)
        BG=$(awk -v b=$((b1 - b0)) -v hz="$CLK_TCK" 'BEGIN { printf "%.2f", b / hz }')
        if awk -v v="$BG" -v m="$BG_MAX" 'BEGIN { exit !(v < m) }' || [ "$SECONDS" -ge "$deadline" ]; then
            return
        fi
    done
}

# ---------------------------------------------------------------- set-up
TMP=$(mktemp -d /tmp/tftp-bench.XXXXXX)
STATE=$TMP/state
FILES=$STATE/files
OUT=$TMP/out
RAW=$TMP/raw.tsv
mkdir -p "$FILES" "$OUT"
head -c $((BIG_MB * 1024 * 1024)) /dev/urandom > "$FILES/big.bin"
head -c $((SMALL_KB * 1024)) /dev/urandom > "$FILES/small.bin"
BIG_BYTES=$(stat -c %s "$FILES/big.bin")
SMALL_BYTES=$(stat -c %s "$FILES/small.bin")

ip netns add "$NS" || die "cannot create namespace $NS"
NS_CREATED=1
ip -n "$NS" link set lo up
# ztpbox's DHCP side wants an interface with an address; a veth pair kept inside the namespace.
ip -n "$NS" link add ztbv0 type veth peer name ztbv1
ip -n "$NS" addr add 10.98.0.1/24 dev ztbv0
ip -n "$NS" link set ztbv0 up
ip -n "$NS" link set ztbv1 up

cat > "$TMP/ztpbox.yaml" <<YAML
network:
  interface: ztbv0
  address: 10.98.0.1
dhcp:
  mode: watch
tftp:
  port: $ZTPBOX_PORT
  max-transfers-per-client: 256
state-dir: $STATE
YAML

in_ns() { ip netns exec "$NS" "$@"; }

port_bound() {  # port_bound PORT
    in_ns ss -Hlun "sport = :$1" 2>/dev/null | grep -q .
}

start_servers() {
    local i
    if [[ " $SERVERS " == *" tftpd "* ]]; then
        # Not through the in_ns function: backgrounding a function forks a subshell, and $! would
        # then be that subshell, not the server (ip netns exec execs the program, keeping the PID).
        ip netns exec "$NS" "$TFTPD" --listen --foreground --address "127.0.0.1:$TFTPD_PORT" --secure "$FILES" \
            > "$TMP/tftpd.log" 2>&1 &
        TFTPD_PID=$!
    fi
    if [[ " $SERVERS " == *" ztpbox "* ]]; then
        # shellcheck disable=SC2086
        ip netns exec "$NS" java $JAVA_OPTS -jar "$JAR" run --config "$TMP/ztpbox.yaml" > "$TMP/ztpbox.log" 2>&1 &
        ZTPBOX_PID=$!
    fi
    for ((i = 0; i < 600; i++)); do
        { [ -z "$TFTPD_PID" ] || port_bound $TFTPD_PORT; } && { [ -z "$ZTPBOX_PID" ] || port_bound $ZTPBOX_PORT; } && return 0
        sleep 0.1
    done
    die "servers did not start; ztpbox log tail: $(tail -5 "$TMP/ztpbox.log" 2>/dev/null)"
}

port_of() { [ "$1" = tftpd ] && echo $TFTPD_PORT || echo $ZTPBOX_PORT; }

# ---------------------------------------------------------------- measurements
# single SERVER CLIENT BLKSIZE WINDOW FILE BYTES -> "seconds ok" (ok = 1 when byte-identical)
single() {
    local server=$1 client=$2 blksize=$3 window=$4 file=$5 bytes=$6 port s e rc ok=0 got=$OUT/single pin=()
    port=$(port_of "$server")
    [ "$PIN" = same ] && pin=(taskset -c "$PIN_CPU")
    rm -f "$got"
    s=$EPOCHREALTIME
    if [ "$client" = curl ]; then
        in_ns "${pin[@]}" curl -s -o "$got" --tftp-blksize "$blksize" "tftp://127.0.0.1:$port/$file"
    elif [ "$window" -gt 0 ]; then
        in_ns "${pin[@]}" atftp -g -r "$file" -l "$got" --option "blksize $blksize" --option "windowsize $window" \
            127.0.0.1 "$port" >/dev/null 2>&1
    else
        in_ns "${pin[@]}" atftp -g -r "$file" -l "$got" --option "blksize $blksize" 127.0.0.1 "$port" >/dev/null 2>&1
    fi
    rc=$?
    e=$EPOCHREALTIME
    [ $rc = 0 ] && cmp -s "$got" "$FILES/$file" && ok=1
    awk -v s="$s" -v e="$e" -v ok=$ok 'BEGIN { printf "%.3f %d\n", e - s, ok }'
}

# storm SERVER N BLKSIZE -> "seconds failures". One shell inside the namespace starts the
# N clients, so the wall time holds N fork+exec of curl, not N namespace switches.
storm() {
    local server=$1 n=$2 blksize=$3 port s e i fails=0
    port=$(port_of "$server")
    rm -rf "$OUT/storm"; mkdir -p "$OUT/storm"
    s=$EPOCHREALTIME
    in_ns bash -c 'for ((i = 0; i < $1; i++)); do
                       curl -s -o "$2/$i" --tftp-blksize "$3" "tftp://127.0.0.1:$4/small.bin" &
                   done
                   wait' storm "$n" "$OUT/storm" "$blksize" "$port"
    e=$EPOCHREALTIME
    for ((i = 0; i < n; i++)); do
        cmp -s "$OUT/storm/$i" "$FILES/small.bin" || fails=$((fails + 1))
    done
    awk -v s="$s" -v e="$e" -v f=$fails 'BEGIN { printf "%.3f %d\n", e - s, f }'
}

# pin_servers CPUS: moves every thread of both servers to CPUS (e.g. "0" or "0-1").
pin_servers() {
    local pid
    for pid in $TFTPD_PID $ZTPBOX_PID; do
        taskset -a -p -c "$1" "$pid" >/dev/null || die "cannot pin pid $pid"
    done
}
ALL_CPUS="0-$(($(nproc) - 1))"

# Row definitions: kind|client|blksize|window|label
ROWS=()
ROWS+=("single|curl|512|0|curl, blksize 512 (default)")
ROWS+=("single|curl|1428|0|curl --tftp-blksize 1428")
ROWS+=("single|atftp|512|0|atftp, blksize 512")
ROWS+=("single|atftp|1428|0|atftp --option \"blksize 1428\"")
for w in $WINDOWS; do
    ROWS+=("single|atftp|1428|$w|atftp blksize 1428 + windowsize $w")
done
ROWS+=("single|atftp|512|16|atftp blksize 512 + windowsize 16")
for n in $CONCURRENCY; do
    ROWS+=("storm|curl|512|$n|$n concurrent curl x ${SMALL_KB} KiB, blksize 512")
    ROWS+=("storm|curl|1428|$n|$n concurrent curl x ${SMALL_KB} KiB, blksize 1428")
done
if [ -n "${ONLY:-}" ]; then
    SELECTED=()
    for row in "${ROWS[@]}"; do [[ ${row##*|} == *"$ONLY"* ]] && SELECTED+=("$row"); done
    [ ${#SELECTED[@]} -gt 0 ] || die "no row label contains '$ONLY'"
    ROWS=("${SELECTED[@]}")
fi

measure_row() {  # measure_row ROW SERVER -> prints "seconds ok_or_failures"
    local kind client blksize extra label
    IFS='|' read -r kind client blksize extra label <<<"$1"
    if [ "$kind" = single ]; then
        single "$2" "$client" "$blksize" "$extra" big.bin "$BIG_BYTES"
    else
        storm "$2" "$extra" "$blksize"
    fi
}

start_servers
log "servers up: tftpd-hpa pid ${TFTPD_PID:-none}, ztpbox pid ${ZTPBOX_PID:-none}; files $BIG_BYTES and $SMALL_BYTES bytes"

pin_for() {  # pin_for ROW: singles on PIN_CPU (PIN=same), storms on every CPU
    if [ "$PIN" = same ] && [[ $1 == single* ]]; then pin_servers "$PIN_CPU"; else pin_servers "$ALL_CPUS"; fi
}

log "warm-up (untimed): every row once per server"
for row in "${ROWS[@]}"; do
    pin_for "$row"
    for server in $SERVERS; do
        measure_row "$row" "$server" > /dev/null
    done
done

: > "$RAW"
for ((run = 1; run <= RUNS; run++)); do
    for row in "${ROWS[@]}"; do
        pin_for "$row"
        for server in $SERVERS; do
            wait_quiet
            read -r secs check <<<"$(measure_row "$row" "$server")"
            printf '%s\t%s\t%d\t%s\t%s\t%s\n' "$row" "$server" "$run" "$secs" "$check" "$BG" >> "$RAW"
            log "run $run $server ${row##*|}: $secs s, check $check (bg $BG cores)"
        done
    done
done

# ---------------------------------------------------------------- report
# RAW columns: kind|client|blksize|extra|label  server  run  seconds  ok_or_failures  bg
report() {
    awk -F'\t' -v big="$BIG_BYTES" -v small="$SMALL_BYTES" -v servers="$SERVERS" '
    function median3(list,   n, a, i, j, t) {
        n = split(list, a, " ")
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
        if (n == 0) return "-"
        return sprintf("%s [%s-%s]", a[int((n + 1) / 2)], a[1], a[n])
    }
    {
        split($1, r, "|"); key = $1; srv = $2
        if (!(key in seen)) { seen[key] = 1; order[++rows] = key }
        bytes = (r[1] == "single") ? big : r[4] * small
        secs[key, srv] = secs[key, srv] " " $4
        rate[key, srv] = rate[key, srv] " " sprintf("%.1f", bytes / 1048576 / $4)
        if (r[1] == "single") bad[key, srv] += ($5 == 1) ? 0 : 1; else bad[key, srv] += $5
        if ($6 + 0 > maxbg) maxbg = $6 + 0
    }
    END {
        ns = split(servers, s, " ")
        printf "| row |"
        for (i = 1; i <= ns; i++) printf " %s: s | %s: MiB/s |", s[i], s[i]
        printf " failed or different |\n|---|"
        for (i = 1; i <= ns; i++) printf "---|---|"
        printf "---|\n"
        for (k = 1; k <= rows; k++) {
            key = order[k]; split(key, r, "|")
            printf "| %s |", r[5]
            f = ""
            for (i = 1; i <= ns; i++) {
                printf " %s | %s |", median3(secs[key, s[i]]), median3(rate[key, s[i]])
                f = f (i > 1 ? " / " : "") s[i] " " bad[key, s[i]] + 0
            }
            printf " %s |\n", f
        }
        printf "\nLargest background load seen before a point: %.2f cores (BG_MAX %s).\n", maxbg, ENVIRON["BG_MAX"]
    }' "$RAW"
}

{
    echo "# TFTP benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "* Machine: $(nproc) CPUs, $(uname -r); $("$TFTPD" -V 2>&1 | head -1); $(curl --version | head -1 | cut -d' ' -f1-2); $(atftp --version 2>&1 | head -1)"
    echo "* ztpbox: $JAR, java $(java -version 2>&1 | head -1 | cut -d'"' -f2), JAVA_OPTS=\"$JAVA_OPTS\""
    echo "* $RUNS runs per point, median [min-max]; single rows: one ${BIG_MB} MiB file, PIN=$PIN (CPU $PIN_CPU); storm rows: N x ${SMALL_KB} KiB, unpinned"
    echo "* Reproduce: sudo RUNS=$RUNS PIN=$PIN bash src/bench/tftp/bench.sh RESULTS.md target/ztpbox.jar"
    echo
    BG_MAX=$BG_MAX report
} > "$RESULTS"
cp "$RAW" "${RESULTS%.md}.tsv"
cat "$RESULTS"
