#!/usr/bin/env bash
# Gateway benchmark (see docs/benchmarks.md): two nginx backends answering a small body, measured with wrk
#   - directly (one backend),
#   - through HAProxy (round-robin, keep-alive to the backends; nbthread 1 and 2, the faster kept),
#   - through the servicegroups gateway (the packaged fast-jar, embedded PostgreSQL),
# for HTTP on port 80 and HTTPS on 443 (keep-alive connections, so TLS handshakes only at connect), all in
# one run on this machine, each after a warm-up long enough for the JIT.
#
#   bash bench/gateway.sh          environment: BENCH_DURATION (30 s per run), BENCH_WARMUP (60 s before the
#                                  gateway's first run), BENCH_CONNECTIONS (64), BENCH_THREADS (2)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$ROOT/api/target/quarkus-app/quarkus-run.jar
duration=${BENCH_DURATION:-30}
warmup=${BENCH_WARMUP:-60}
connections=${BENCH_CONNECTIONS:-64}
threads=${BENCH_THREADS:-2}
offset=20000
backend_port=18901
haproxy_http=18980
haproxy_https=18943
api_port=18990
domain=bench.kraft.host
fqdn=web.$domain
token=bench-$RANDOM$RANDOM
stamp=$(date -u +%Y%m%dT%H%M%SZ)
results=$ROOT/bench/results
work=$(mktemp -d)
pids=()
hosts_line="127.0.0.1 $fqdn # servicegroups-bench"

log() { printf '[gateway-bench] %s\n' "$*" >&2; }
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  sed -i "/# servicegroups-bench\$/d" /etc/hosts 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

need() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v haproxy >/dev/null || missing+=(haproxy)
  command -v nginx >/dev/null || missing+=(nginx-light)
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    apt-get -o DPkg::Lock::Timeout=600 update -qq && apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null
  fi
  [[ -f $JAR ]] || (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
}

start_nginx() {
  local address=$1 name=$2 dir=$work/nginx-$2
  mkdir -p "$dir/logs"
  cat >"$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  server {
    listen $address:$backend_port;
    location / { default_type text/plain; return 200 "hello from $name\n"; }
  }
}
CONF
  nginx -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' &
  pids+=($!)
}

start_haproxy() {
  local threads=$1 dir=$work/haproxy
  mkdir -p "$dir"
  cat "$work/gateway/wildcard-cert.pem" "$work/gateway/wildcard-key.pem" >"$dir/cert.pem"
  cat >"$dir/haproxy.cfg" <<CONF
global
  nbthread $threads
  maxconn 4000
defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
  option http-keep-alive
  http-reuse always
frontend plain
  bind 127.0.0.1:$haproxy_http
  default_backend nginx
frontend tls
  bind 127.0.0.1:$haproxy_https ssl crt $dir/cert.pem alpn http/1.1
  default_backend nginx
backend nginx
  balance roundrobin
  server a 127.0.0.2:$backend_port
  server b 127.0.0.3:$backend_port
CONF
  haproxy -f "$dir/haproxy.cfg" &
  haproxy_pid=$!
  pids+=($haproxy_pid)
  sleep 1
}

start_gateway() {
  SG_DATA_DIR=$work SG_AUTH_TOKENS=bench:$token SG_METRO_DOMAIN=$domain SG_GATEWAY_PORT_OFFSET=$offset \
    SG_GATEWAY_HOST=127.0.0.1 QUARKUS_HTTP_PORT=$api_port java -jar "$JAR" >"$work/app.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$api_port/q/health/ready" >/dev/null && break
    sleep 1
  done
  curl -sf "http://127.0.0.1:$api_port/q/health/ready" >/dev/null || { tail -n 40 "$work/app.log" >&2; exit 1; }
  local api="http://127.0.0.1:$api_port/v1"
  curl -sf -X POST "$api/services" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"name\": \"web\", \"dns_name\": \"web\", \"services\": [
          {\"port\": 80, \"destination_port\": $backend_port, \"handlers\": [\"http\"]},
          {\"port\": 443, \"destination_port\": $backend_port, \"handlers\": [\"tls\", \"http\"]}]}" >/dev/null
  for address in 127.0.0.2 127.0.0.3; do
    curl -sf -X POST "$api/instances" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{\"address\": \"$address\", \"service_group\": {\"name\": \"web\"}}" >/dev/null
  done
  for _ in $(seq 1 100); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' -H "Host: $fqdn" "http://127.0.0.1:$((80 + offset))/") == 200 ]] && return
    sleep 0.1
  done
  log "the gateway does not route $fqdn"; tail -n 40 "$work/app.log" >&2; exit 1
}

# wrk <label> <url> <seconds> → one Markdown row (requests/s, p50, p99, errors)
measure() {
  local label=$1 url=$2 seconds=$3 out
  out=$(wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$url" 2>&1)
  mkdir -p "$results" && printf '%s\n' "$out" >"$results/$stamp.$(tr -c 'a-zA-Z0-9' '_' <<<"$label").wrk.txt"
  local rps p50 p99 errors
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr '\n' ' ' || true)
  printf '| %s | %s | %s | %s | %s |\n' "$label" "$rps" "$p50" "$p99" "${errors:-none}"
  echo "$rps" >"$work/rps.$(tr -c 'a-z0-9' '_' <<<"$label")"
}

cpu_split() { # cpu seconds used so far by each process (user+system)
  for pid in "$@"; do
    awk -v pid="$pid" '{printf "%s=%.1fs ", pid, ($14 + $15) / 100}' "/proc/$pid/stat" 2>/dev/null || true
  done
}

need
echo "$hosts_line" >>/etc/hosts
start_nginx 127.0.0.2 a
start_nginx 127.0.0.3 b
sleep 1
start_gateway
gateway_pid=${pids[-1]}

report=$work/report.md
{
  echo "## Gateway benchmark $stamp"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/ {print $2}') GiB;"
  echo "wrk -t$threads -c$connections, ${duration}s per run, small body (~16 bytes); load average before: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "| run | requests/s | p50 | p99 | errors |"
  echo "|---|---|---|---|---|"
} >"$report"

log "direct to one nginx backend"
measure "direct: nginx 127.0.0.2" "http://127.0.0.2:$backend_port/" "$duration" >>"$report"

best=0
for n in 1 2; do
  start_haproxy "$n"
  log "HAProxy nbthread $n: warm-up 5 s, then HTTP and HTTPS"
  wrk -t"$threads" -c"$connections" -d5s "http://127.0.0.1:$haproxy_http/" >/dev/null
  measure "HAProxy nbthread=$n, HTTP" "http://$fqdn:$haproxy_http/" "$duration" >>"$report"
  measure "HAProxy nbthread=$n, HTTPS" "https://$fqdn:$haproxy_https/" "$duration" >>"$report"
  kill "$haproxy_pid"; wait "$haproxy_pid" 2>/dev/null || true
done

log "gateway: warm-up ${warmup}s (JIT), then HTTP and HTTPS"
wrk -t"$threads" -c"$connections" -d"$((warmup / 2))s" "http://$fqdn:$((80 + offset))/" >/dev/null
wrk -t"$threads" -c"$connections" -d"$((warmup / 2))s" "https://$fqdn:$((443 + offset))/" >/dev/null
cpu_before=$(awk '{print $14 + $15}' "/proc/$gateway_pid/stat")
measure "servicegroups gateway, HTTP" "http://$fqdn:$((80 + offset))/" "$duration" >>"$report"
measure "servicegroups gateway, HTTPS" "https://$fqdn:$((443 + offset))/" "$duration" >>"$report"
cpu_after=$(awk '{print $14 + $15}' "/proc/$gateway_pid/stat")
{
  echo
  printf 'Gateway JVM CPU during its two measured runs: %.1f s of %d s wall (%.2f cores).\n' \
    "$(bc -l <<<"($cpu_after - $cpu_before) / 100")" "$((2 * duration))" \
    "$(bc -l <<<"($cpu_after - $cpu_before) / 100 / (2 * $duration)")"
} >>"$report"

if [[ ${BENCH_PROFILE:-0} == 1 ]]; then
  log "profiling the gateway with JFR during one more HTTP run"
  jcmd "$gateway_pid" JFR.start name=bench settings=profile filename="$work/gateway.jfr" >/dev/null
  wrk -t"$threads" -c"$connections" -d"${duration}s" "http://$fqdn:$((80 + offset))/" >/dev/null
  jcmd "$gateway_pid" JFR.stop name=bench >/dev/null
  mkdir -p "$results"
  cp "$work/gateway.jfr" "$results/$stamp.gateway.jfr"
  jfr print --events jdk.ExecutionSample "$work/gateway.jfr" \
    | awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); top[$0]++; n++}
           END {for (f in top) printf "%5.1f%% %s\n", 100 * top[f] / n, f}' | sort -rn | head -25 >"$work/top.txt" || true
  { echo; echo "Top frames (JFR execution samples, HTTP run):"; echo; echo '```'; cat "$work/top.txt"; echo '```'; } >>"$report"
fi

mkdir -p "$results"
cp "$report" "$results/$stamp.gateway.md"
cat "$report"
