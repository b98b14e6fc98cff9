#!/usr/bin/env bash
# HTTP benchmark: nginx-light and ztpbox serving the SAME directory of 1000
# 2 KB .cfg files on loopback, measured in ONE run by the same wrk.
#
# Method (as in the shared BASELINES.md section 3): wrk -t2 -c64 -d10s
# --latency against 127.0.0.1; cases "one file" (/cfg/SEP000000000000.cfg)
# and "random of 1000" (a wrk Lua script picking /cfg/SEP%012X.cfg at random).
# nginx: 2 workers, sendfile, keep-alive, access_log off (and on, one case).
# ztpbox: the packaged jar (java -jar ztpbox.jar run) with DHCP in watch mode
# on lo, TFTP off, HTTP bound to 127.0.0.1; without authentication (access log
# off, and on as shipped), and with Digest (MD5) authentication, verified-
# credentials cache on (the default) and off. For Digest, one valid
# Authorization header per file is computed beforehand from a nonce the
# server issued (what a phone does: it re-sends its header on every request).
#
# Before every run the script waits up to BG_WAIT s until the other load on
# the box is below BG_MAX cores and records it; during the run it records the
# CPU of the server (all nginx workers, or the java process) in cores, and the
# other load (busy CPU of the box minus server and wrk) as "before/during".
# Load generator and server share the machine's cores, so every rate is a
# lower bound for the server. Each server gets a warm-up run first (the JVM
# compiles its hot paths; nginx fills its caches), which is not counted.
#
# Usage (as root, or any user allowed to run nginx with a config in /tmp):
#   bash src/bench/http/bench.sh [RESULTS.md] [ZTPBOX.jar]
#     RESULTS.md  default /tmp/http-bench-results.md
#     ZTPBOX.jar  default $ZTPBOX_JAR or target/ztpbox.jar of this checkout
# Environment (defaults in brackets):
#   RUNS [3]  runs per case (median [min-max] in the table)
#   DURATION [10]  seconds per wrk run;  WARMUP [10]  seconds of warm-up per server
#   THREADS [2]  CONNECTIONS [64]  wrk -t / -c
#   CASES ["nginx nginx-log ztpbox-nolog ztpbox ztpbox-digest ztpbox-digest-nocache"]
#   JAVA_OPTS ["-XX:+UseParallelGC -Xms256m"]
#   BG_MAX [0.5] BG_WAIT [30]
#   KEEP_TMP [0]  1: keep the temp dir (configs, logs, wrk outputs)
#
# Network safety: every server listens on 127.0.0.1 only (ztpbox's DHCP socket
# is bound to lo, in watch mode it never sends); wrk runs for DURATION seconds.
# Everything started here is stopped by its PID on exit (also on Ctrl-C/TERM).

set -u -o pipefail
# shellcheck source=src/bench/lib.sh
source "$(dirname "$0")/../lib.sh"

RESULTS=${1:-/tmp/http-bench-results.md}
JAR=${2:-${ZTPBOX_JAR:-$(cd "$(dirname "$0")/../../.." && pwd)/target/ztpbox.jar}}
RUNS=${RUNS:-3}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-10}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
CASES=${CASES:-"nginx nginx-log ztpbox-nolog ztpbox ztpbox-digest ztpbox-digest-nocache"}
JAVA_OPTS=${JAVA_OPTS:-"-XX:+UseParallelGC -Xms256m"}
BG_MAX=${BG_MAX:-0.5}
BG_WAIT=${BG_WAIT:-30}
KEEP_TMP=${KEEP_TMP:-0}
CLK_TCK=$(getconf CLK_TCK)

for tool in nginx wrk curl java python3 awk; do
    command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || {
        echo "missing $tool (Debian: apt-get install nginx-light wrk curl python3)" >&2; exit 2; }
done
[ -f "$JAR" ] || { echo "no ztpbox jar at $JAR (mvn -DskipTests package)" >&2; exit 2; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

TMP=$(mktemp -d /tmp/http-bench.XXXXXX)
chmod 755 "$TMP" # nginx workers run as www-data and must read the files
SERVER_PID=""
cleanup() {
    stop_server
    if [ "$KEEP_TMP" = 1 ]; then echo "kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# --- the shared directory: 1000 files of 2048 bytes --------------------------------------------
FILES=$TMP/files
mkdir -p "$FILES"
python3 - "$FILES" <<'EOF'
import os, sys
for i in range(1000):
    body = ('<polycomConfig reg.1.address="%d"/>\n' % i).encode()
    body += b'#' * (2047 - len(body)) + b'\n'
    with open(os.path.join(sys.argv[1], 'SEP%012X.cfg' % i), 'wb') as f:
        f.write(body)
EOF
ONE=/cfg/SEP000000000000.cfg

cat > "$TMP/random.lua" <<'EOF'
-- A random one of the 1000 files per request; with auth.lua loaded, its own Authorization header.
math.randomseed(os.time())
auth = auth or nil
request = function()
  local i = math.random(0, 999)
  local path = string.format("/cfg/SEP%012X.cfg", i)
  if auth then
    return wrk.format("GET", path, { ["Authorization"] = auth[i + 1] })
  end
  return wrk.format("GET", path)
end
EOF

# --- measurement helpers ------------------------------------------------------------------------
cpu_ticks() {  # utime+stime of PIDs (all threads)
    local total=0 p s
    for p in "$@"; do
        s=$(cat "/proc/$p/stat" 2>/dev/null) || continue
        s=${s##*) }
        total=$((total + $(awk '{ print $12 + $13 }' <<<"$s")))
    done
    echo "$total"
}
server_pids() {  # the processes doing the serving: nginx workers, or the java process
    if [ "$SERVER_KIND" = nginx ]; then pgrep -P "$SERVER_PID" | tr '\n' ' '; else echo "$SERVER_PID"; fi
}
wait_quiet() {  # sets BG to the other load (cores) in the last 1-s sample
    local deadline=$((SECONDS + BG_WAIT)) b0 b1 s0 s1
    while :; do
        b0=$(sys_busy_ticks); s0=$(cpu_ticks $(server_pids))
        sleep 1
        b1=$(sys_busy_ticks); s1=$(cpu_ticks $(server_pids))
        BG=$(awk -v b=$((b1 - b0)) -v s=$((s1 - s0)) -v hz="$CLK_TCK" \
            'BEGIN { v = (b - s) / hz; if (v < 0) v = 0; printf "%.2f", v }')
        if awk -v v="$BG" -v m="$BG_MAX" 'BEGIN { exit !(v < m) }' || [ "$SECONDS" -ge "$deadline" ]; then
            return
        fi
    done
}
wait_http() {  # wait_http URL: until the server answers (any status)
    local i
    for ((i = 0; i < 300; i++)); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" != 000 ] && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

# --- servers ------------------------------------------------------------------------------------
start_nginx() {  # start_nginx on|off (access log)
    local dir=$TMP/nginx log=off
    mkdir -p "$dir/tmp"
    [ "$1" = on ] && log="$dir/access.log"
    PORT=$(free_port)
    cat > "$dir/nginx.conf" <<EOF
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    access_log $log;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    default_type application/octet-stream;
    client_body_temp_path $dir/tmp;
    server {
        listen 127.0.0.1:$PORT;
        location /cfg/ { alias $FILES/; }
    }
}
EOF
    SERVER_KIND=nginx
    "$NGINX" -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' 2>>"$dir/error.log" &
    SERVER_PID=$!
    wait_http "http://127.0.0.1:$PORT$ONE" || { echo "nginx did not start:"; cat "$dir/error.log"; exit 1; }
}

start_ztpbox() {  # start_ztpbox NAME YAML-LINES-OF-HTTP
    local dir=$TMP/$1
    mkdir -p "$dir/state"
    ln -sfn "$FILES" "$dir/state/files"
    PORT=$(free_port)
    cat > "$dir/ztpbox.yaml" <<EOF
network:
  interface: lo
  address: 127.0.0.1
dhcp:
  mode: watch
  port: $(free_port)
tftp:
  enabled: false
provisioning:
  url: http://127.0.0.1:$PORT/cfg/
http:
  listen: 127.0.0.1
  port: $PORT
  https-port: off
$2
state-dir: $dir/state
EOF
    SERVER_KIND=java
    # shellcheck disable=SC2086
    java $JAVA_OPTS -jar "$JAR" run --config "$dir/ztpbox.yaml" >"$dir/server.log" 2>&1 &
    SERVER_PID=$!
    wait_http "http://127.0.0.1:$PORT$ONE" || { echo "ztpbox did not start:"; tail -20 "$dir/server.log"; exit 1; }
}

stop_server() {
    [ -n "$SERVER_PID" ] || return 0
    kill "$SERVER_PID" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
    SERVER_PID=""
}

# Digest: one Authorization header per file, from a nonce this server issued to 127.0.0.1.
write_auth_lua() {
    local challenge
    challenge=$(curl -s -o /dev/null -D - "http://127.0.0.1:$PORT$ONE" | grep -i '^WWW-Authenticate: Digest' | head -1)
    python3 - "$challenge" > "$TMP/auth.lua" <<'EOF'
import hashlib, re, sys
nonce = re.search(r'nonce="([^"]+)"', sys.argv[1]).group(1)
h = lambda s: hashlib.md5(s.encode()).hexdigest()
ha1 = h('PlcmSpIp:ztpbox:bench-secret')
print('auth = {')
for i in range(1000):
    uri = '/cfg/SEP%012X.cfg' % i
    resp = h('%s:%s:00000001:0a4f113b:auth:%s' % (ha1, nonce, h('GET:' + uri)))
    print('  "Digest username=\\"PlcmSpIp\\", realm=\\"ztpbox\\", nonce=\\"%s\\", uri=\\"%s\\", algorithm=MD5, '
          'qop=auth, nc=00000001, cnonce=\\"0a4f113b\\", response=\\"%s\\"",' % (nonce, uri, resp))
print('}')
EOF
    # The one-file case uses the first header; check that it is really accepted.
    local first
    first=$(sed -n 2p "$TMP/auth.lua" | sed 's/^  "//; s/",$//; s/\\"/"/g')
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: $first" "http://127.0.0.1:$PORT$ONE")" = 200 ] \
        || { echo "precomputed Digest header refused"; exit 1; }
    AUTH_ONE=$first
}

# --- one wrk run --------------------------------------------------------------------------------
RAW=$TMP/raw.tsv
: > "$RAW"
wrk_args() {  # wrk_args SHAPE(one|random) AUTH(0|1): sets ARGS
    ARGS=()
    if [ "$1" = random ]; then
        if [ "$2" = 1 ]; then
            cat "$TMP/auth.lua" "$TMP/random.lua" > "$TMP/random-auth.lua"
            ARGS=(-s "$TMP/random-auth.lua")
        else
            ARGS=(-s "$TMP/random.lua")
        fi
    elif [ "$2" = 1 ]; then
        ARGS=(-H "Authorization: $AUTH_ONE")
    fi
}
run_wrk() {  # run_wrk CASE SHAPE(one|random) RUN AUTH(0|1)
    local label=$1 shape=$2 run=$3 out=$TMP/wrk-$1-$2-$3.txt t0 t1 b0 b1 w
    wrk_args "$shape" "$4"
    wait_quiet
    t0=$(cpu_ticks $(server_pids)); b0=$(sys_busy_ticks); times > "$TMP/times0"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "${ARGS[@]}" "http://127.0.0.1:$PORT$ONE" > "$out" 2>&1
    t1=$(cpu_ticks $(server_pids)); b1=$(sys_busy_ticks); times > "$TMP/times1"
    # Other load during the run: the box's busy time minus the server's and wrk's.
    w=$(( $(children_ticks "$TMP/times1") - $(children_ticks "$TMP/times0") ))
    BG="$BG/$(awk -v b=$((b1 - b0)) -v s=$((t1 - t0)) -v w="$w" -v hz="$CLK_TCK" -v d="$DURATION" \
        'BEGIN { v = (b - s - w) / hz / d; if (v < 0) v = 0; printf "%.2f", v }')"
    awk -v label="$label" -v shape="$shape" -v run="$run" -v bg="$BG" -v cpu=$((t1 - t0)) -v hz="$CLK_TCK" \
        -v d="$DURATION" '
        function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
        /^ +Latency +[0-9]/ { avg = ms($2) }
        /^ +50%/ { p50 = ms($2) }  /^ +99%/ { p99 = ms($2) }
        /^Requests\/sec/ { rps = $2 }
        /Non-2xx or 3xx/ { non2xx = $NF }
        /Socket errors/ { errors = $0; sub(/.*errors: /, "", errors) }
        END { printf "%s\t%s\t%s\t%.0f\t%.2f\t%.2f\t%.2f\t%d\t%s\t%.2f\t%s\n", label, shape, run, rps, avg, p50, p99,
              non2xx + 0, errors == "" ? "-" : errors, cpu / hz / d, bg }' "$out" >> "$RAW"
    tail -n 1 "$RAW" | awk -F'\t' '{ printf "  %-22s %-6s run %s: %8s req/s  avg %s ms  p50 %s ms  p99 %s ms  non-2xx %s  errors %s  server %s cores  other load before/during %s\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 }'
}

measure() {  # measure CASE AUTH: warm-up, then RUNS x (one, random)
    local run
    wrk_args random "$2"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "${ARGS[@]}" "http://127.0.0.1:$PORT$ONE" > /dev/null 2>&1
    for ((run = 1; run <= RUNS; run++)); do
        run_wrk "$1" one "$run" "$2"
        run_wrk "$1" random "$run" "$2"
    done
}

# --- the run ------------------------------------------------------------------------------------
echo "HTTP benchmark $(date -u +%FT%TZ): $RUNS x ${DURATION}s per case, wrk -t$THREADS -c$CONNECTIONS, temp $TMP"
for c in $CASES; do
    echo "== $c"
    case $c in
        nginx) start_nginx off; measure "$c" 0 ;;
        nginx-log) start_nginx on; measure "$c" 0 ;;
        ztpbox-nolog) start_ztpbox "$c" "  access-log: off"; measure "$c" 0 ;;
        ztpbox) start_ztpbox "$c" ""; measure "$c" 0 ;;
        ztpbox-digest|ztpbox-digest-nocache)
            cache=1m; [ "$c" = ztpbox-digest-nocache ] && cache=0
            start_ztpbox "$c" "  auth:
    mode: digest
    user: PlcmSpIp
    password: bench-secret
    digest-algorithms: [MD5]
    nonce-lifetime: 1h
    cache: $cache"
            write_auth_lua
            measure "$c" 1 ;;
        *) echo "unknown case $c" >&2; exit 2 ;;
    esac
    stop_server
done

# --- the table: median [min-max] per case and shape ---------------------------------------------
{
    echo "Run $(date -u +%FT%TZ) on $(nproc) CPUs; $(nginx -v 2>&1 | sed 's/.*: //'), $(wrk -v 2>&1 | head -1 | awk '{print $1, $2}'), $(java -version 2>&1 | head -1)"
    echo "wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency, $RUNS runs per row, median [min-max]; files of 2048 B"
    echo
    echo "| server | case | req/s | avg ms | p50 ms | p99 ms | non-2xx | server cores | other load, cores (before/during, each run) |"
    echo "|---|---|---|---|---|---|---|---|---|"
    sort -t$'\t' -k1,1 -k2,2 -s "$RAW" | awk -F'\t' '
        function flush() {
            if (n == 0) return
            printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", key1, key2 == "one" ? "one file" : "random of 1000",
                stat(4, "%.0f", 1), stat(5, "%.2f", 0), stat(6, "%.2f", 0), stat(7, "%.2f", 0), sum(8), stat(10, "%.2f", 0), all(11)
            n = 0
        }
        function sortcol(c,   i, j, t) { for (i = 1; i <= n; i++) s[i] = v[i, c] + 0; for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (s[j] < s[i]) { t = s[i]; s[i] = s[j]; s[j] = t } }
        function stat(c, fmt, range,   m) { sortcol(c); m = sprintf(fmt, s[int((n + 1) / 2)]); if (range && n > 1) m = "**" m "** [" sprintf(fmt, s[1]) "-" sprintf(fmt, s[n]) "]"; return m }
        function all(c,   i, t) { t = v[1, c]; for (i = 2; i <= n; i++) t = t " " v[i, c]; return t }
        function sum(c,   i, t) { t = 0; for (i = 1; i <= n; i++) t += v[i, c]; return t }
        { if ($1 != key1 || $2 != key2) { flush(); key1 = $1; key2 = $2 } n++; for (i = 1; i <= NF; i++) v[n, i] = $i }
        END { flush() }'
} | tee "$RESULTS"
echo "results in $RESULTS"
