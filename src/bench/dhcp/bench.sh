#!/usr/bin/env bash
# DHCPv4 benchmark: Kea 2.2 (kea-dhcp4, memfile, persist=true) and ztpbox,
# measured in ONE run, in the SAME network namespaces, by the same perfdhcp.
#
# Set-up (as in the shared BASELINES.md section 1): two namespaces
# joined by a veth pair; server 10.99.0.1/16, perfdhcp 10.99.0.2/16 acting as
# a relay (giaddr = 10.99.0.2, it sends from and listens on port 67);
# subnet 10.99.0.0/16, pool 10.99.1.0-10.99.200.255, lease time 1 h,
# option 66 = 10.99.0.1 and option 160 = http://10.99.0.1:8080/cfg/ always
# sent; perfdhcp -R 50000 -p 10 -n rate*10; server pinned to CPU 1 and
# perfdhcp to CPU 0.
#
# For every (rate, run, server) the server is started fresh with an empty
# lease DB (Kea: new lease file; ztpbox: new state-dir), warmed up by a short
# perfdhcp run on a separate, small client space (500 MACs starting at
# 00:0c:09:00:00:00, so the measured clients are all new to the server), then
# measured. Figures per run: DISCOVER/OFFER/REQUEST/ACK counts, drops,
# DO (DISCOVER->OFFER) and RA (REQUEST->ACK) min/avg/max delays, done/s =
# ACKs / period, loss = 1 - ACKs/DISCOVERs, server CPU (utime+stime of all its
# threads from /proc/PID/stat) per completed DORA, and the background load of
# the box (busy cores other than the server) just before the run.
#
# Usage (as root):
#   sudo bash src/bench/dhcp/bench.sh [RESULTS.md] [ZTPBOX.jar]
#     RESULTS.md  default /tmp/dhcp-bench-results.md
#     ZTPBOX.jar  default $ZTPBOX_JAR or target/ztpbox.jar of this checkout (if missing: Kea only)
# Environment (defaults in brackets):
#   RATES ["2000 4000 6000 7000 8000 10000"]  offered DORA/s, at most 12 values
#   RUNS [1]           runs per point (1-5); 3 for the full table (median [min-max])
#   PERIOD [10]        seconds per measured perfdhcp run (1-60)
#   CLIENTS [50000]    perfdhcp -R (perfdhcp walks the MACs sequentially)
#   SERVERS ["kea ztpbox"]
#   WARMUP_RATE [2000] WARMUP_SECS [15] WARMUP_CLIENTS [500]   WARMUP_SECS=0: none
#   JAVA_OPTS ["-XX:+UseParallelGC -Xms256m"]
#   KEA_LOG_SEVERITY [INFO]  (Kea's default; INFO logs two lines per DORA)
#   KEA_LOG_OUTPUT [DIR/kea.log]  Kea log destination, e.g. stdout (then into DIR/server.out)
#   SERVER_CPU [1] CLIENT_CPU [0]
#   BG_MAX [0.5] BG_WAIT [30]  wait up to BG_WAIT s for other load < BG_MAX cores
#   KEEP_TMP [0]       1: keep the temp dir (server logs, perfdhcp outputs) for inspection
#
# Network safety: all traffic stays inside two namespaces created here
# (zbb-srv-PID, zbb-cli-PID); the host's interfaces and routes are not touched.
# Everything started here is stopped by PID, and the namespaces and the temp
# dir are removed on exit (also on Ctrl-C / TERM).

set -u -o pipefail
# shellcheck source=src/bench/lib.sh
source "$(dirname "$0")/../lib.sh"

RESULTS=${1:-/tmp/dhcp-bench-results.md}
JAR=${2:-${ZTPBOX_JAR:-$(cd "$(dirname "$0")/../../.." && pwd)/target/ztpbox.jar}}
RATES=${RATES:-"2000 4000 6000 7000 8000 10000"}
RUNS=${RUNS:-1}
PERIOD=${PERIOD:-10}
CLIENTS=${CLIENTS:-50000}
SERVERS=${SERVERS:-"kea ztpbox"}
WARMUP_RATE=${WARMUP_RATE:-2000}
WARMUP_SECS=${WARMUP_SECS:-15}  # the JIT compiles for ~10 s; Kea gets the same warm-up
WARMUP_CLIENTS=${WARMUP_CLIENTS:-500}
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseParallelGC -Xms256m"}
KEA_LOG_SEVERITY=${KEA_LOG_SEVERITY:-INFO}
SERVER_CPU=${SERVER_CPU:-1}
CLIENT_CPU=${CLIENT_CPU:-0}
BG_MAX=${BG_MAX:-0.5}
BG_WAIT=${BG_WAIT:-30}

SRV_NS="zbb-srv-$$"
CLI_NS="zbb-cli-$$"
SRV_IF="zbs$$"
CLI_IF="zbc$$"
SRV_IP=10.99.0.1
CLI_IP=10.99.0.2
PROV_URL="http://10.99.0.1:8080/cfg/"
WARMUP_MAC="00:0c:09:00:00:00"    # measured clients start at perfdhcp's default 00:0c:01:02:03:04

KEA=/usr/sbin/kea-dhcp4
PERFDHCP=/usr/sbin/perfdhcp
CLK_TCK=$(getconf CLK_TCK)

TMP=""
SERVER_PID=""
PERF_PID=""
NS_CREATED=0


# ---------------------------------------------------------------- cleanup

# shellcheck disable=SC2317  # called from the traps
cleanup() {
    trap - EXIT INT TERM
    stop_pid "$PERF_PID"; PERF_PID=""
    stop_pid "$SERVER_PID"; SERVER_PID=""
    if [ "$NS_CREATED" = 1 ]; then
        ip netns del "$SRV_NS" 2>/dev/null   # deleting a namespace removes its veth end (and the pair)
        ip netns del "$CLI_NS" 2>/dev/null
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
[ "$(id -u)" = 0 ] || die "run as root (network namespaces, port 67)"
for c in ip ss taskset awk getconf "$KEA" "$PERFDHCP"; do
    command -v "$c" >/dev/null || die "missing command: $c"
done
in_range() {  # in_range NAME VALUE MIN MAX: die unless VALUE is an integer in [MIN, MAX]
    if ! [[ $2 =~ ^[0-9]+$ ]] || [ "$2" -lt "$3" ] || [ "$2" -gt "$4" ]; then
        die "$1 must be an integer from $3 to $4 (got '$2')"
    fi
}
nrates=0
for r in $RATES; do
    in_range "rate" "$r" 1 50000
    nrates=$((nrates + 1))
done
in_range "number of RATES" "$nrates" 1 12
in_range RUNS "$RUNS" 1 5
in_range PERIOD "$PERIOD" 1 60
in_range CLIENTS "$CLIENTS" 1 50000
in_range WARMUP_SECS "$WARMUP_SECS" 0 30
in_range WARMUP_RATE "$WARMUP_RATE" 1 20000
in_range WARMUP_CLIENTS "$WARMUP_CLIENTS" 1 1000
in_range BG_WAIT "$BG_WAIT" 0 120
in_range SERVER_CPU "$SERVER_CPU" 0 1023
in_range CLIENT_CPU "$CLIENT_CPU" 0 1023
[[ $BG_MAX =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "BG_MAX must be a number of cores (got '$BG_MAX')"
NPROC=$(nproc)
if [ "$NPROC" -lt 2 ]; then
    log "only $NPROC CPU: server and perfdhcp share CPU 0"
    SERVER_CPU=0; CLIENT_CPU=0
fi

DO_ZTPBOX=0
want_server() { [[ " $SERVERS " == *" $1 "* ]]; }
if want_server ztpbox; then
    if [ -f "$JAR" ]; then
        command -v java >/dev/null || die "java not found (needed for $JAR)"
        DO_ZTPBOX=1
    else
        log "ztpbox jar not found: $JAR -- measuring Kea only"
    fi
fi
DO_KEA=0
want_server kea && DO_KEA=1
ACTIVE=""
[ "$DO_KEA" = 1 ] && ACTIVE="$ACTIVE kea"
[ "$DO_ZTPBOX" = 1 ] && ACTIVE="$ACTIVE ztpbox"
[ -n "$ACTIVE" ] || die "nothing to measure (SERVERS='$SERVERS')"

TMP=$(mktemp -d /tmp/zbb-dhcp.XXXXXX) || die "mktemp failed"
JAR_ORIG=$JAR
if [ "$DO_ZTPBOX" = 1 ]; then
    # Run a private copy, so that a rebuild of the jar during the benchmark cannot break it.
    cp -- "$JAR" "$TMP/ztpbox.jar" || die "cannot copy $JAR"
    JAR="$TMP/ztpbox.jar"
fi
RAW="$TMP/runs.tsv"
: >"$RAW"

# ---------------------------------------------------------------- namespaces
setup_netns() {
    ip netns add "$SRV_NS" || return 1
    NS_CREATED=1
    ip netns add "$CLI_NS" || return 1
    # Create the pair inside the server namespace so that no link ever exists in the host's.
    ip -n "$SRV_NS" link add "$SRV_IF" type veth peer name "$CLI_IF" netns "$CLI_NS" || return 1
    ip -n "$SRV_NS" addr add "$SRV_IP/16" dev "$SRV_IF" || return 1
    ip -n "$CLI_NS" addr add "$CLI_IP/16" dev "$CLI_IF" || return 1
    ip -n "$SRV_NS" link set lo up && ip -n "$CLI_NS" link set lo up || return 1
    ip -n "$SRV_NS" link set "$SRV_IF" up && ip -n "$CLI_NS" link set "$CLI_IF" up || return 1
    # ztpbox broadcasts replies to address-less clients: give the limited broadcast a route.
    ip -n "$SRV_NS" route add 255.255.255.255/32 dev "$SRV_IF" || return 1
    return 0
}

# ---------------------------------------------------------------- helpers
cpu_ticks() {  # utime+stime (all threads, live and exited) of PID, in clock ticks
    local s
    s=$(cat "/proc/$1/stat" 2>/dev/null) || { echo -1; return; }
    s=${s##*) }              # drop "pid (comm) "; field 3 (state) becomes $1
    awk '{ print $12 + $13 }' <<<"$s"
}


sys_task_ticks() {  # user+nice+system ticks of all CPUs (time charged to tasks; no irq/softirq/steal)
    awk '/^cpu / { print $2 + $3 + $4; exit }' /proc/stat
}

sys_steal_ticks() {  # ticks the hypervisor gave to someone else while a vCPU wanted to run
    awk '/^cpu / { print $9; exit }' /proc/stat
}

# CPU ticks used by the reaped children of this shell, from a file written by bash's "times"
# builtin (second line). "times" must run in this shell itself, not in a $(...) subshell.
children_ticks() {  # children_ticks FILE
    awk -v hz="$CLK_TCK" 'NR == 2 {
        t = 0
        for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); t += a[1] * 60 + a[2] }
        printf "%d\n", t * hz + 0.5 }' "$1"
}

# Rough speed of the box: wall ms of a fixed awk loop on each pinned CPU, median of 3.
# It only helps to compare runs made at different times (host contention shows up here).
calibrate() {
    local c i s e out=""
    for c in $CLIENT_CPU $SERVER_CPU; do
        out="$out cpu$c=$(for ((i = 0; i < 3; i++)); do
            s=$EPOCHREALTIME
            taskset -c "$c" awk 'BEGIN { for (i = 0; i < 3000000; i++) x += i * i }'
            e=$EPOCHREALTIME
            awk -v s="$s" -v e="$e" 'BEGIN { printf "%.0f\n", (e - s) * 1000 }'
        done | sort -n | sed -n 2p)ms"
    done
    echo "${out# }"
}

# Wait (at most BG_WAIT s) until the box's load other than the server is below
# BG_MAX cores; set BG_BEFORE to the last 1-s sample. (Runs in this shell, not in
# $(...), so that a Ctrl-C / TERM is handled within a second.)
wait_quiet() {
    local deadline=$((SECONDS + BG_WAIT)) b0 b1 s0 s1 bg
    BG_BEFORE=NA
    while :; do
        b0=$(sys_busy_ticks); s0=$(cpu_ticks "$SERVER_PID")
        sleep 1
        b1=$(sys_busy_ticks); s1=$(cpu_ticks "$SERVER_PID")
        bg=$(awk -v b=$((b1 - b0)) -v s=$((s1 - s0)) -v hz="$CLK_TCK" \
             'BEGIN { v = (b - s) / hz; if (v < 0) v = 0; printf "%.2f", v }')
        if awk -v v="$bg" -v m="$BG_MAX" 'BEGIN { exit !(v < m) }' || [ "$SECONDS" -ge "$deadline" ]; then
            BG_BEFORE=$bg; return
        fi
    done
}

# Wait until SERVER_PID has UDP port 67 bound in the server namespace.
wait_port67() {
    local timeout=$1 out=$2 i
    for ((i = 0; i < timeout * 10; i++)); do
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            wait "$SERVER_PID"; local rc=$?
            log "server exited with code $rc before binding port 67; its output:"
            tail -n 30 "$out" >&2
            SERVER_PID=""
            return 1
        fi
        if ip netns exec "$SRV_NS" ss -Hulpn 'sport = :67' 2>/dev/null | grep -q "pid=$SERVER_PID,"; then
            return 0
        fi
        sleep 0.1
    done
    log "server did not bind UDP port 67 within ${timeout}s; its output:"
    tail -n 30 "$out" >&2
    return 1
}

# problem MESSAGE [FILE]: log it with the end of FILE, and keep both for the results file.
problem() {
    log "$1"
    { echo "$1"; [ -n "${2:-}" ] && [ -f "$2" ] && tail -n 15 "$2" | cut -c1-300; echo; } \
        | tee -a "$TMP/problems.txt" >&2
}

# ---------------------------------------------------------------- servers
write_kea_conf() {  # write_kea_conf DIR
    cat >"$1/kea.json" <<EOF
{ "Dhcp4": {
    "interfaces-config": { "interfaces": [ "$SRV_IF" ], "dhcp-socket-type": "raw" },
    "lease-database": { "type": "memfile", "persist": true, "name": "$1/kea-leases4.csv", "lfc-interval": 0 },
    "valid-lifetime": 3600,
    "option-def": [ { "name": "prov-url", "code": 160, "type": "string", "space": "dhcp4" } ],
    "option-data": [
        { "name": "tftp-server-name", "code": 66, "data": "$SRV_IP", "always-send": true },
        { "name": "prov-url", "code": 160, "data": "$PROV_URL", "always-send": true }
    ],
    "subnet4": [ { "id": 1, "subnet": "10.99.0.0/16",
                   "pools": [ { "pool": "10.99.1.0 - 10.99.200.255" } ] } ],
    "loggers": [ { "name": "kea-dhcp4", "severity": "$KEA_LOG_SEVERITY",
                   "output_options": [ { "output": "${KEA_LOG_OUTPUT:-$1/kea.log}" } ] } ]
} }
EOF
}

write_ztpbox_conf() {  # write_ztpbox_conf DIR
    mkdir -p "$1/state"
    cat >"$1/ztpbox.yaml" <<EOF
network:
  interface: $SRV_IF
  address: $SRV_IP
dhcp:
  mode: serve
  port: 67
  subnet: 10.99.0.0/16
  pool: 10.99.1.0-10.99.200.255
  lease-time: 1h
  rate-limit: 1000000
  send-provisioning-options: always
  options:
    - code: 66
      type: string
      value: $SRV_IP
      always-send: true
provisioning:
  url: $PROV_URL
state-dir: $1/state
EOF
}

KEA_CMD="ip netns exec $SRV_NS taskset -c $SERVER_CPU $KEA -c DIR/kea.json"
# shellcheck disable=SC2086
ZTPBOX_CMD="ip netns exec $SRV_NS taskset -c $SERVER_CPU java $JAVA_OPTS -jar $JAR_ORIG run --config DIR/ztpbox.yaml"

start_server() {  # start_server kea|ztpbox DIR; sets SERVER_PID
    local srv=$1 dir=$2
    case $srv in
    kea)
        write_kea_conf "$dir"
        KEA_PIDFILE_DIR=$dir KEA_LOCKFILE_DIR=$dir \
            ip netns exec "$SRV_NS" taskset -c "$SERVER_CPU" "$KEA" -c "$dir/kea.json" \
            >"$dir/server.out" 2>&1 </dev/null &
        SERVER_PID=$!
        wait_port67 10 "$dir/server.out"
        ;;
    ztpbox)
        write_ztpbox_conf "$dir"
        # shellcheck disable=SC2086  # JAVA_OPTS is a list of words
        ip netns exec "$SRV_NS" taskset -c "$SERVER_CPU" java $JAVA_OPTS -jar "$JAR" run \
            --config "$dir/ztpbox.yaml" >"$dir/server.out" 2>&1 </dev/null &
        SERVER_PID=$!
        wait_port67 60 "$dir/server.out"
        ;;
    esac
}

stop_server() { stop_pid "$SERVER_PID"; SERVER_PID=""; }

# ---------------------------------------------------------------- perfdhcp
# run_perfdhcp OUTFILE ARGS... : perfdhcp in the client namespace, pinned; returns its exit code
# (0 = all exchanges done, 3 = some not completed; both are fine).
run_perfdhcp() {
    local out=$1; shift
    ip netns exec "$CLI_NS" taskset -c "$CLIENT_CPU" "$PERFDHCP" "$@" >"$out" 2>&1 </dev/null &
    PERF_PID=$!
    wait "$PERF_PID"; local rc=$?
    PERF_PID=""
    return $rc
}

# -W 1000000: after the last DISCOVER, wait 1 s (= the drop time) for replies still in flight,
# so the last exchanges are not counted as lost.
perf_args() {  # perf_args RATE
    echo "-4 -r $1 -R $CLIENTS -n $(($1 * PERIOD)) -p $PERIOD -W 1000000 -l $CLI_IP $SRV_IP"
}
PERF_CMD="ip netns exec $CLI_NS taskset -c $CLIENT_CPU $PERFDHCP -4 -r RATE -R $CLIENTS -n RATE*$PERIOD -p $PERIOD -W 1000000 -l $CLI_IP $SRV_IP"
WARM_ARGS="-4 -r $WARMUP_RATE -R $WARMUP_CLIENTS -b mac=$WARMUP_MAC -n $((WARMUP_RATE * WARMUP_SECS)) -p $WARMUP_SECS -W 500000 -l $CLI_IP $SRV_IP"

# parse_perfdhcp FILE -> "disc offer do_drops do_min do_avg do_max req ack ra_drops ra_min ra_avg ra_max"
parse_perfdhcp() {
    awk '
        /Statistics for: DISCOVER-OFFER/ { s = "do" }
        /Statistics for: REQUEST-ACK/    { s = "ra" }
        s != "" && /^sent packets:/     { v[s, "sent"]  = $3 }
        s != "" && /^received packets:/ { v[s, "recv"]  = $3 }
        s != "" && /^drops:/            { v[s, "drops"] = $2 }
        s != "" && /^min delay:/        { v[s, "min"]   = $3 }
        s != "" && /^avg delay:/        { v[s, "avg"]   = $3 }
        s != "" && /^max delay:/        { v[s, "max"]   = $3 }
        function g(k) { return (k in v && v[k] ~ /^[0-9.]+$/) ? v[k] : "NA" }
        END {
            print g("do" SUBSEP "sent"), g("do" SUBSEP "recv"), g("do" SUBSEP "drops"),
                  g("do" SUBSEP "min"), g("do" SUBSEP "avg"), g("do" SUBSEP "max"),
                  g("ra" SUBSEP "sent"), g("ra" SUBSEP "recv"), g("ra" SUBSEP "drops"),
                  g("ra" SUBSEP "min"), g("ra" SUBSEP "avg"), g("ra" SUBSEP "max")
        }' "$1"
}

# ---------------------------------------------------------------- one measurement
# Appends to RAW: srv rate run bg disc offer do_drops do_min do_avg do_max req ack ra_drops
#                 ra_min ra_avg ra_max done_s loss_pct cpu_us_per_dora bg_during perfdhcp_cores steal
run_one() {
    local srv=$1 rate=$2 run=$3 dir="$TMP/$1-$2-$3" rc bg t0 t1 p
    mkdir -p "$dir"
    if ! start_server "$srv" "$dir"; then
        stop_server
        problem "$srv rate=$rate run=$run: the server did not start, run skipped" "$dir/server.out"
        return 1
    fi
    if [ "$WARMUP_SECS" -gt 0 ]; then
        # shellcheck disable=SC2086
        run_perfdhcp "$dir/warmup.out" $WARM_ARGS
        rc=$?
        [ "$rc" = 0 ] || [ "$rc" = 3 ] || log "$srv: warm-up perfdhcp exited $rc (see $dir/warmup.out)"
    fi
    wait_quiet
    bg=$BG_BEFORE
    local c0 c1 b0 b1 e0 e1 st0 st1
    times >"$dir/times0"
    c0=$(children_ticks "$dir/times0"); b0=$(sys_task_ticks); st0=$(sys_steal_ticks); e0=$EPOCHREALTIME
    t0=$(cpu_ticks "$SERVER_PID")
    # shellcheck disable=SC2046
    run_perfdhcp "$dir/perfdhcp.out" $(perf_args "$rate")
    rc=$?
    t1=$(cpu_ticks "$SERVER_PID")
    times >"$dir/times1"
    c1=$(children_ticks "$dir/times1"); b1=$(sys_task_ticks); st1=$(sys_steal_ticks); e1=$EPOCHREALTIME
    # Other load during the run: task CPU of the whole box minus server and perfdhcp, in cores.
    local perf_cores bg_run steal
    steal=$(awk -v st=$((st1 - st0)) -v hz="$CLK_TCK" -v e0="$e0" -v e1="$e1" \
        'BEGIN { printf "%.2f", st / hz / (e1 - e0) }')
    perf_cores=$(awk -v c=$((c1 - c0)) -v hz="$CLK_TCK" -v e0="$e0" -v e1="$e1" \
        'BEGIN { printf "%.2f", c / hz / (e1 - e0) }')
    bg_run=$(awk -v b=$((b1 - b0)) -v s=$((t1 - t0)) -v c=$((c1 - c0)) -v hz="$CLK_TCK" -v e0="$e0" -v e1="$e1" \
        'BEGIN { v = (b - s - c) / hz / (e1 - e0); if (v < 0) v = 0; printf "%.2f", v }')
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        problem "$srv rate=$rate run=$run: the server died during the run" "$dir/server.out"
    fi
    stop_server
    # ztpbox prints its DHCP counters when it stops; keep them for the results file.
    grep -h -o 'DHCP server stopped.*' "$dir/server.out" 2>/dev/null | sed "s/^/$srv $rate $run: /" >>"$TMP/counters.txt"
    if [ "$rc" != 0 ] && [ "$rc" != 3 ]; then
        problem "$srv rate=$rate run=$run: perfdhcp exited $rc" "$dir/perfdhcp.out"
        return 1
    fi
    p=$(parse_perfdhcp "$dir/perfdhcp.out")
    # shellcheck disable=SC2086
    set -- $p
    local disc=$1 ack=$8
    if ! [[ $ack =~ ^[0-9]+$ ]] || [ "$ack" -lt $((rate * PERIOD / 2)) ]; then
        problem "$srv rate=$rate run=$run: only $ack ACKs (under half the offered DORAs); end of the server output:" "$dir/server.out"
    fi
    awk -v srv="$srv" -v rate="$rate" -v run="$run" -v bg="$bg" -v p="$p" -v period="$PERIOD" \
        -v t0="$t0" -v t1="$t1" -v hz="$CLK_TCK" -v disc="$disc" -v ack="$ack" \
        -v bg_run="$bg_run" -v perf_cores="$perf_cores" -v steal="$steal" 'BEGIN {
            done = (ack ~ /^[0-9]+$/) ? ack / period : "NA"
            loss = (disc ~ /^[0-9]+$/ && disc > 0 && ack ~ /^[0-9]+$/) ? 100 * (1 - ack / disc) : "NA"
            cpu  = (t0 >= 0 && t1 >= t0 && ack > 0) ? (t1 - t0) * 1e6 / hz / ack : "NA"
            gsub(/ /, "\t", p)
            printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", srv, rate, run, bg, p, done, loss, cpu, bg_run, perf_cores, steal
        }' >>"$RAW"
    tail -n 1 "$RAW" | awk -F'\t' '{ printf "  %-6s rate=%-6s run=%s  DISC=%s ACK=%s  done/s=%.0f loss=%.2f%%  DO/RA avg=%s/%s ms  max=%s/%s ms  cpu=%s us/DORA  bg before/during=%s/%s steal=%s  perfdhcp=%s cores\n",
        $1, $2, $3, $5, $12, $17, $18, $9, $15, $10, $16, ($19 == "NA" ? "NA" : sprintf("%.0f", $19)), $4, $20, $22, $21 }' >&2
    return 0
}

# ---------------------------------------------------------------- run everything
setup_netns || die "could not set up the namespaces"
LOADAVG_START=$(cut -d' ' -f1-3 /proc/loadavg)
CALIB_START=$(calibrate)
DATE_START=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
KEA_VER=$("$KEA" -V 2>&1 | head -n 1)
PERF_VER=$("$PERFDHCP" -v 2>&1 | head -n 1 | sed 's/^VERSION: *//')
JAVA_VER="-"; JAR_INFO="-"
if [ "$DO_ZTPBOX" = 1 ]; then
    JAVA_VER=$(java -version 2>&1 | tr '\n' ' ' | sed 's/ *$//')
    JAR_INFO="$JAR_ORIG ($(stat -c %y "$JAR_ORIG" | cut -d. -f1), sha256 $(sha256sum "$JAR" | cut -c1-16); a private copy was run)"
fi
log "namespaces $SRV_NS / $CLI_NS; servers:$ACTIVE; rates: $RATES; runs: $RUNS; period: ${PERIOD}s; loadavg: $LOADAVG_START"

for rate in $RATES; do
    for ((run = 1; run <= RUNS; run++)); do
        for srv in $ACTIVE; do
            run_one "$srv" "$rate" "$run"
        done
    done
done

# ---------------------------------------------------------------- report
CALIB_END=$(calibrate)
LOADAVG_END=$(cut -d' ' -f1-3 /proc/loadavg)
# Aggregate per (server, rate): median [min-max] over runs when RUNS > 1.
# Output lines: srv rate n done loss do_avg ra_avg max_ms cpu_us | cells formatted, tab separated.
aggregate() {
    sort -t$'\t' -k1,1 -k2,2n "$RAW" | awk -F'\t' -v runs="$RUNS" '
        function med(a, n,   i, j, t, m) {
            for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
            m = (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
            return m
        }
        function cell(key, fmt,   n, a, i, m, lo, hi, s) {
            n = 0
            for (i = 1; i <= cnt[cur]; i++) if (val[cur, i, key] != "NA") a[++n] = val[cur, i, key] + 0
            if (n == 0) return "NA"
            m = med(a, n); lo = a[1]; hi = a[n]
            s = sprintf(fmt, m)
            if (runs > 1 && n > 1) s = s " [" sprintf(fmt, lo) "–" sprintf(fmt, hi) "]"
            return s
        }
        function flush() {
            if (cur == "") return
            split(cur, k, SUBSEP)
            printf "%s\t%s\t%d\t%s\t%s\t%s / %s\t%s\t%s\t%s\t%s\n", k[1], k[2], cnt[cur],
                cell("done", "%.0f"), cell("loss", "%.2f"), cell("doavg", "%.2f"), cell("raavg", "%.2f"),
                cell("max", "%.1f"), cell("cpu", "%.0f"), cell("bg", "%.2f"), cell("loss", "%.6f")
        }
        {
            key = $1 SUBSEP $2
            if (key != cur) { flush(); cur = key }
            i = ++cnt[cur]
            val[cur, i, "done"] = $17; val[cur, i, "loss"] = $18; val[cur, i, "cpu"] = $19
            val[cur, i, "doavg"] = $9; val[cur, i, "raavg"] = $15; val[cur, i, "bg"] = $4
            mx = "NA"
            if ($10 != "NA") mx = $10
            if ($16 != "NA" && (mx == "NA" || $16 + 0 > mx + 0)) mx = $16
            val[cur, i, "max"] = mx
        }
        END { flush() }'
}
AGG="$TMP/agg.tsv"
aggregate >"$AGG"
NOISY=$(awk -F'\t' -v m="$BG_MAX" '$4 + 0 >= m || $20 + 0 >= m || $22 + 0 >= m { printf "%s%s@%s#%s", sep, $1, $2, $3; sep = ", " }' "$RAW")
ZTPBOX_NOTE=""
if [ "$DO_ZTPBOX" != 1 ]; then
    if want_server ztpbox; then ZTPBOX_NOTE="ztpbox not measured: jar not found ($JAR)"
    else ZTPBOX_NOTE="ztpbox not measured (SERVERS=\"$SERVERS\")"; fi
fi

# Highest offered rate whose median loss is <= 1 %.
best_rate() {
    awk -F'\t' -v s="$1" '$1 == s && $10 != "NA" && $10 + 0 <= 1 && $2 + 0 > b { b = $2 + 0 }
        END { print (b ? b : "none") }' "$AGG"
}

get_cell() {  # get_cell SRV RATE FIELD
    awk -F'\t' -v s="$1" -v r="$2" -v f="$3" '$1 == s && $2 == r { print $f; found = 1 } END { if (!found) print "–" }' "$AGG"
}

# Console: side-by-side table.
{
    echo
    echo "DHCPv4 DORA, perfdhcp relay, ${PERIOD}s per run, $RUNS run(s) per point (median [min–max] when > 1)"
    printf '%-9s' "offered"
    for srv in $ACTIVE; do printf ' | %-8s %-12s %-8s %-17s %-7s %-6s' "$srv" "done/s" "loss%" "DO/RA avg ms" "max ms" "us/DORA"; done
    echo
    for rate in $RATES; do
        printf '%-9s' "$rate"
        for srv in $ACTIVE; do
            printf ' | %-8s %-12s %-8s %-17s %-7s %-6s' "" "$(get_cell "$srv" "$rate" 4)" "$(get_cell "$srv" "$rate" 5)" \
                "$(get_cell "$srv" "$rate" 6)" "$(get_cell "$srv" "$rate" 7)" "$(get_cell "$srv" "$rate" 8)"
        done
        echo
    done
    for srv in $ACTIVE; do echo "highest rate with loss <= 1 %: $srv $(best_rate "$srv")"; done
    [ -n "$NOISY" ] && echo "noisy runs (other load or steal >= $BG_MAX cores before or during): $NOISY"
    [ -n "$ZTPBOX_NOTE" ] && echo "$ZTPBOX_NOTE"
    echo
} | tee "$TMP/console.txt"

# Markdown results file.
{
    echo "# DHCPv4 benchmark: Kea vs ztpbox (src/bench/dhcp/bench.sh)"
    echo
    echo "* **Date**: $DATE_START; $(uname -sr); nproc = $NPROC ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo))"
    echo "* **Load average** (1/5/15 min): at start $LOADAVG_START; at end $LOADAVG_END"
    echo "* **CPU calibration** (wall ms of a fixed awk loop, median of 3; lower = faster): at start $CALIB_START; at end $CALIB_END"
    echo "* **Versions**: kea-dhcp4 $KEA_VER; perfdhcp $PERF_VER; java: $JAVA_VER"
    echo "* **ztpbox jar**: $JAR_INFO"
    echo "* **Parameters**: RATES=\"$RATES\" RUNS=$RUNS PERIOD=$PERIOD CLIENTS=$CLIENTS; server on CPU $SERVER_CPU, perfdhcp on CPU $CLIENT_CPU; KEA_LOG_SEVERITY=$KEA_LOG_SEVERITY; JAVA_OPTS=\"$JAVA_OPTS\""
    echo "* **Method**: for every (rate, run, server) the server is started fresh with an empty lease DB"
    echo "  (Kea: new memfile CSV, persist=true; ztpbox: new state-dir), warmed up with"
    echo "  \`perfdhcp $WARM_ARGS\` (WARMUP_SECS=$WARMUP_SECS; a disjoint client space of $WARMUP_CLIENTS MACs),"
    echo "  then measured. Before each measured run the script waits up to ${BG_WAIT}s for other load < $BG_MAX cores"
    echo "  (bg before = busy cores minus the server's own CPU, 1-s sample; bg during = user+system CPU of the box"
    echo "  during the run minus server and perfdhcp, i.e. other tasks; steal = vCPU time taken by the hypervisor"
    echo "  during the run, in cores). done/s = ACKs / ${PERIOD}s;"
    echo "  loss = 1 − ACKs/DISCOVERs; CPU/DORA = Δ(utime+stime) of the server process (all threads) / ACKs."
    echo "  \"max ms\" = the larger of DO max and RA max. perfdhcp acts as a relay (giaddr $CLI_IP, port 67)."
    echo "* **Commands** (DIR = fresh temp dir per run; namespaces/veths named after the script PID):"
    echo '```'
    echo "ip netns add $SRV_NS; ip netns add $CLI_NS"
    echo "ip -n $SRV_NS link add $SRV_IF type veth peer name $CLI_IF netns $CLI_NS"
    echo "ip -n $SRV_NS addr add $SRV_IP/16 dev $SRV_IF; ip -n $CLI_NS addr add $CLI_IP/16 dev $CLI_IF"
    echo "ip -n $SRV_NS route add 255.255.255.255/32 dev $SRV_IF"
    echo "KEA_PIDFILE_DIR=DIR KEA_LOCKFILE_DIR=DIR $KEA_CMD"
    echo "$ZTPBOX_CMD"
    echo "ip netns exec $CLI_NS taskset -c $CLIENT_CPU $PERFDHCP $WARM_ARGS   # warm-up"
    echo "$PERF_CMD   # measured"
    echo '```'
    echo
    echo "## Summary (offered DORA/s; median [min–max] over $RUNS run(s))"
    echo
    hdr="| offered DORA/s |"; sep="|---|"
    for srv in $ACTIVE; do
        hdr="$hdr $srv done/s | loss % | DO / RA avg ms | max ms | CPU µs/DORA |"
        sep="$sep---|---|---|---|---|"
    done
    echo "$hdr"; echo "$sep"
    for rate in $RATES; do
        line="| $rate |"
        for srv in $ACTIVE; do
            for f in 4 5 6 7 8; do line="$line $(get_cell "$srv" "$rate" $f) |"; done
        done
        echo "$line"
    done
    echo
    for srv in $ACTIVE; do echo "* **Highest rate with loss ≤ 1 %** ($srv, median loss): **$(best_rate "$srv")** DORA/s"; done
    [ -n "$NOISY" ] && echo "* Noisy runs (other load or steal ≥ $BG_MAX cores before or during the run; see the table below): $NOISY"
    [ -n "$ZTPBOX_NOTE" ] && echo "* $ZTPBOX_NOTE"
    echo
    echo "## Every run"
    echo
    echo "| server | offered | run | bg cores before / during / steal | DISCOVER | OFFER | DO drops | DO min/avg/max ms | REQUEST | ACK | RA drops | RA min/avg/max ms | done/s | loss % | CPU µs/DORA | perfdhcp cores |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    sort -t$'\t' -k1,1 -k2,2n -k3,3n "$RAW" | awk -F'\t' '
        function f(x, fmt) { return x == "NA" ? "NA" : sprintf(fmt, x) }
        { printf "| %s | %s | %s | %s / %s / %s | %s | %s | %s | %s / %s / %s | %s | %s | %s | %s / %s / %s | %s | %s | %s | %s |\n",
            $1, $2, $3, $4, $20, $22, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,
            f($17, "%.0f"), f($18, "%.2f"), f($19, "%.0f"), $21 }'
    if [ -s "$TMP/problems.txt" ]; then
        echo
        echo "## Problems"
        echo
        echo '```'; cat "$TMP/problems.txt"; echo '```'
    fi
    if [ -s "$TMP/counters.txt" ]; then
        echo
        echo "Server counters at stop (include the warm-up):"
        echo '```'; cat "$TMP/counters.txt"; echo '```'
    fi
    echo
    echo "## Configurations"
    echo
    if [ "$DO_KEA" = 1 ]; then
        echo "Kea (\`DIR/kea.json\`):"; echo '```json'
        d=$(mktemp -d "$TMP/conf.XXXX"); (write_kea_conf "$d" && sed "s#$d#DIR#g" "$d/kea.json"); echo '```'
    fi
    if [ "$DO_ZTPBOX" = 1 ]; then
        echo "ztpbox (\`DIR/ztpbox.yaml\`):"; echo '```yaml'
        d=$(mktemp -d "$TMP/conf.XXXX"); (write_ztpbox_conf "$d" && sed "s#$d#DIR#g" "$d/ztpbox.yaml"); echo '```'
    fi
} >"$RESULTS"
log "results written to $RESULTS"
exit 0
