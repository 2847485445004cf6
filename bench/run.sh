#!/usr/bin/env bash
# Benchmark of the servicegroups API (wrk) against a database baseline (pgbench). See docs/benchmarks.md.
#
#   bash bench/run.sh [-n groups] [-d seconds] [-w warmup-seconds] [-t threads] [-c connections] [-p port]
#
# Each flag has an environment variable (default): BENCH_GROUPS (1000), BENCH_DURATION (20 s per run),
# BENCH_WARMUP (30 s per wrk workload, unmeasured), BENCH_THREADS (2), BENCH_CONNECTIONS (16),
# BENCH_PORT (18080; the next free one is taken). Also: BENCH_BATCH (1000 items per loading POST),
# BENCH_JAVA_OPTS (extra JVM options, none), BENCH_START_TIMEOUT (120 s for the app to become ready),
# BENCH_HIGH_CONNECTIONS (64: the second set of runs), BENCH_COLD (120 s of cold-start curve, 0: none),
# BENCH_JAR (the app's fast-jar, api/target/quarkus-app/quarkus-run.jar).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LUA_DIR=$ROOT/bench/lua
SQL_DIR=$ROOT/bench/sql
RESULTS_DIR=$ROOT/bench/results
JAR=${BENCH_JAR:-$ROOT/api/target/quarkus-app/quarkus-run.jar}

n_groups=${BENCH_GROUPS:-1000}
duration=${BENCH_DURATION:-20}
warmup=${BENCH_WARMUP:-30}
threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-16}
port=${BENCH_PORT:-18080}
batch=${BENCH_BATCH:-1000}
java_opts=${BENCH_JAVA_OPTS:-}
start_timeout=${BENCH_START_TIMEOUT:-120}
high_connections=${BENCH_HIGH_CONNECTIONS:-64}
cold=${BENCH_COLD:-120}

stamp=$(date -u +%Y%m%dT%H%M%SZ)
work=""       # temporary directory: app data, logs, uuids, raw tool output
app_pid=""
token=""
pg_port=""
pg_pid=""
machine_busy="?"
declare -A result=()   # result[<run>.<field>]: rps, p50_us, p99_us, cpu_*
rows=(get_one get_page get_batch post pg_one_row pg_get_queries get_one_high get_page_high post_high pg_one_row_high)
declare -A statements=()  # statements[<run>]: SQL statements the database ran per request (xact_commit delta)
cold_curve=()             # requests/s of each 5 s of the cold-start curve

# --- small helpers -------------------------------------------------------------------------------

log() { printf '[bench] %s\n' "$*" >&2; }

# Fails loudly; shows the end of the app log when there is one.
fail() {
  printf '[bench] ERROR: %s\n' "$*" >&2
  if [[ -n $work && -s $work/app.log ]]; then
    printf '[bench] --- last 40 lines of the app log ---\n' >&2
    tail -n 40 "$work/app.log" >&2
    mkdir -p "$RESULTS_DIR" && cp "$work/app.log" "$RESULTS_DIR/$stamp.app.log"
    printf '[bench] full app log: %s\n' "$RESULTS_DIR/$stamp.app.log" >&2
  fi
  exit 1
}

usage() { sed -n '2,9s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

parse_args() {
  while (($#)); do
    case $1 in
      -n) n_groups=$2; shift ;;
      -d) duration=$2; shift ;;
      -w) warmup=$2; shift ;;
      -t) threads=$2; shift ;;
      -c) connections=$2; shift ;;
      -p) port=$2; shift ;;
      -h|--help) usage; exit 0 ;;
      *) usage >&2; fail "unknown argument: $1" ;;
    esac
    shift
  done
  local name
  for name in n_groups duration warmup threads connections port batch start_timeout high_connections cold; do
    [[ ${!name} =~ ^[0-9]+$ ]] || fail "$name must be a whole number, got '${!name}'"
  done
  ((n_groups >= 1 && duration >= 1 && threads >= 1 && connections >= threads && batch >= 1)) \
    || fail "need groups >= 1, duration >= 1, threads >= 1, connections >= threads, batch >= 1"
}

# --- tools, build, app lifecycle -----------------------------------------------------------------

apt_updated=""
apt_install() {
  local sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null || fail "installing $* needs root or sudo"
    sudo=(sudo)
  fi
  log "installing $* (apt-get)"
  if [[ -z $apt_updated ]]; then "${sudo[@]}" apt-get update -qq >&2; apt_updated=1; fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

ensure_tools() {
  command -v curl >/dev/null || apt_install curl
  command -v wrk >/dev/null || apt_install wrk
  # /usr/bin/pgbench may be Debian's wrapper without a PostgreSQL version behind it: try to run it.
  if ! pgbench --version >/dev/null 2>&1 || ! command -v psql >/dev/null; then
    apt_install postgresql-contrib
  fi
  pgbench --version >/dev/null 2>&1 || fail "pgbench still does not run after installing postgresql-contrib"
  command -v java >/dev/null || fail "java is not on the PATH"
}

build_if_needed() {
  [[ -f $JAR ]] && return
  log "no $JAR: building (./mvnw -B -q package -DskipTests -pl api -am)"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests -pl api -am) || fail "build failed"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pick_port() {
  local p
  for ((p = port; p < port + 100; p++)); do
    if ! port_in_use "$p"; then port=$p; return; fi
  done
  fail "no free port in $port-$((port + 99))"
}

start_app() {
  token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  log "starting the app on 127.0.0.1:$port (data in $work/data)"
  # shellcheck disable=SC2086  # java_opts is a list of options
  env -u SG_DB_URL SG_DATA_DIR="$work/data" SG_AUTH_TOKENS="bench:$token" \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
    java $java_opts -jar "$JAR" >"$work/app.log" 2>&1 8>&- 9>&- &
  app_pid=$!
  local deadline=$((SECONDS + start_timeout))
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; do
    kill -0 "$app_pid" 2>/dev/null || { app_pid=""; fail "the app exited during start"; }
    ((SECONDS < deadline)) || fail "the app was not ready within ${start_timeout}s"
    sleep 0.5
  done
  pg_port=$(grep -o 'Embedded PostgreSQL listens on localhost:[0-9]*' "$work/app.log" | grep -o '[0-9]*$' | sed -n 1p) \
    || true
  [[ -n $pg_port ]] || fail "no 'Embedded PostgreSQL listens on localhost:<port>' line in the app log"
  pg_pid=$(sed -n 1p "$work/data/postgres/postmaster.pid" 2>/dev/null) || true
  [[ $pg_pid =~ ^[0-9]+$ ]] || fail "no postmaster.pid under $work/data/postgres"
  # psql and pgbench need the embedded PostgreSQL's password, kept beside its data
  PGPASSWORD=$(cat "$work/data/postgres-password") || fail "no $work/data/postgres-password"
  export PGPASSWORD
  log "app ready (pid $app_pid), embedded PostgreSQL on port $pg_port (pid $pg_pid)"
}

# Waits up to $2 seconds for process $1 to end.
wait_gone() {
  local i
  for ((i = 0; i < $2 * 10; i++)); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  return 1
}

# SIGTERM to java stops its embedded PostgreSQL (shutdown hook); a hard kill would leave PostgreSQL running.
cleanup() {
  local rc=$?
  exec 1>&8 2>&9   # a trap can run inside a redirected command: log to the script's own output again
  if [[ -n $app_pid ]] && kill -0 "$app_pid" 2>/dev/null; then
    log "stopping the app (pid $app_pid)"
    kill -TERM "$app_pid" 2>/dev/null || true
    wait_gone "$app_pid" 60 || { log "app still running after 60 s: SIGKILL"; kill -KILL "$app_pid" 2>/dev/null || true; }
    wait "$app_pid" 2>/dev/null || true
  fi
  local pidfile=${work:+$work/data/postgres/postmaster.pid} pm
  if [[ -n $pidfile && -f $pidfile ]]; then
    pm=$(sed -n 1p "$pidfile")
    if [[ $pm =~ ^[0-9]+$ ]] && tr '\0' ' ' <"/proc/$pm/cmdline" 2>/dev/null | grep -qF "$work/data/postgres"; then
      log "stopping the embedded PostgreSQL left behind (pid $pm)"
      kill -INT "$pm" 2>/dev/null || true
      wait_gone "$pm" 30 || true
    fi
  fi
  [[ -n $work ]] && rm -rf "$work"
  exit "$rc"
}

# --- data ----------------------------------------------------------------------------------------

api() { # method path [curl args...]: prints the body, fails on a non-2xx answer
  local method=$1 path=$2; shift 2
  curl -sS --fail-with-body --max-time 300 -X "$method" -H "Authorization: Bearer $token" "$@" \
    "http://127.0.0.1:$port$path" || fail "$method $path failed"
}

psql_q() { psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -c "$1"; }

# Creates n_groups groups with batch POSTs; their uuids go to $work/uuids.txt.
load_groups() {
  local item='{"services":[{"port":443,"destination_port":8080,"handlers":["tls","http"]}]}'
  local left=$n_groups n answer got
  : >"$work/uuids.txt"
  log "loading $n_groups groups (batches of up to $batch)"
  while ((left > 0)); do
    n=$((left < batch ? left : batch))
    awk -v n="$n" -v item="$item" 'BEGIN { printf "["; for (i = 1; i <= n; i++) printf "%s%s", (i > 1 ? "," : ""), item; print "]" }' \
      >"$work/batch.json"
    answer=$(api POST /v1/services -H 'Content-Type: application/json' --data-binary "@$work/batch.json")
    [[ $answer == *'"status":"error"'* ]] && fail "a loading batch had item errors: ${answer:0:400}"
    grep -o '"uuid":"[0-9a-f-]\{36\}"' <<<"$answer" | cut -d'"' -f4 >>"$work/uuids.txt" || true
    left=$((left - n))
  done
  got=$(wc -l <"$work/uuids.txt")
  ((got == n_groups)) || fail "loaded $got uuids, expected $n_groups"
  # the pgbench scripts pick a random loaded group through bench.ids (n -> id)
  psql_q "create schema bench; create table bench.ids (n int primary key, id uuid not null);"
  awk '{ print NR "\t" $0 }' "$work/uuids.txt" \
    | psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -c '\copy bench.ids from stdin'
  psql_q "analyze bench.ids; analyze service_group; analyze published_service;"
}

# Makes sure the requests the runs send are answered with success items, not 200s with item errors.
check_answers() {
  local first last page
  first=$(sed -n 1p "$work/uuids.txt"); last=$(sed -n '$p' "$work/uuids.txt")
  for u in "$first" "$last"; do
    [[ $(api GET "/v1/services/$u") == '{"status":"success"'* ]] || fail "GET /v1/services/$u did not succeed"
  done
  page=$(api GET '/v1/services?count=100')
  [[ $page == '{"status":"success"'* ]] || fail "GET /v1/services?count=100 did not succeed: ${page:0:400}"
  local items expected=$((n_groups < 100 ? n_groups : 100))
  items=$(grep -o '"uuid":"' <<<"$page" | wc -l)
  ((items == expected)) || fail "GET /v1/services?count=100 listed $items groups, expected $expected"
  head -n 50 "$work/uuids.txt" | awk 'BEGIN { printf "[" } { printf "%s{\"uuid\":\"%s\"}", (NR > 1 ? "," : ""), $1 } END { print "]" }' \
    >"$work/batch50.json"
  page=$(api GET /v1/services -H 'Content-Type: application/json' --data-binary "@$work/batch50.json")
  [[ $page == '{"status":"success"'* ]] || fail "GET /v1/services with 50 uuids did not succeed: ${page:0:400}"
  expected=$((n_groups < 50 ? n_groups : 50))
  items=$(grep -o '"uuid":"' <<<"$page" | wc -l)
  ((items == expected)) || fail "GET /v1/services with 50 uuids answered $items groups, expected $expected"
}

# --- CPU accounting: java, PostgreSQL (all its processes), the load generator, the whole machine ----

# One cheap snapshot (a single awk over /proc): uptime (s), then clock ticks of the machine's busy time,
# java, PostgreSQL (the postmaster, its children, and the backends that already ended) and interrupts
# (loopback networking, mostly softirq).
cpu_snapshot() {
  { cat /proc/uptime; sed -n 1p /proc/stat; cat /proc/[0-9]*/stat 2>/dev/null || true; } \
    | awk -v java="$app_pid" -v pm="$pg_pid" '
        NR == 1 { up = $1; next }
        NR == 2 { busy = $2 + $3 + $4 + $7 + $8 + $9; irq = $7 + $8; next }
        {
          pid = $1; sub(/^.*\) /, "")   # after "pid (comm) ": $2 is ppid, $12-$15 utime stime cutime cstime
          if (pid == java) j = $12 + $13
          else if (pid == pm) p += $12 + $13 + $14 + $15
          else if ($2 == pm) p += $12 + $13
        }
        END { print up, busy, j + 0, p + 0, irq }'
}

# Busy cores of the whole machine over 3 s.
machine_busy_now() {
  local s0 s1
  s0=$(cpu_snapshot); sleep 3; s1=$(cpu_snapshot)
  awk -v a="$s0" -v b="$s1" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { split(a, x, " "); split(b, y, " "); printf "%.2f", (y[2] - x[2]) / hz / (y[1] - x[1]) }'
}

# Runs a command in a subshell; writes the CPU seconds its children (the load generator) used to $1.
run_timed() {
  local tfile=$1; shift
  (
    rc=0
    "$@" || rc=$?
    times >"$tfile"   # second line: children's user and system time, e.g. "0m1.230s 0m0.450s"
    exit "$rc"
  )
}
times_seconds() { awk 'NR == 2 { for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); t += a[1] * 60 + a[2] } print t }' "$1"; }

# Records cores used (CPU seconds per wall second) during a run; "other processes" is the machine's
# busy time that is none of java, PostgreSQL, the load generator and interrupts.
record_cpu() { # run before-snapshot after-snapshot client-cpu-seconds
  local run=$1 java pg client irq other
  read -r java pg client irq other < <(awk -v a="$2" -v b="$3" -v c="$4" -v hz="$(getconf CLK_TCK)" 'BEGIN {
      split(a, x, " "); split(b, y, " "); w = y[1] - x[1]
      busy = y[2] - x[2]; j = y[3] - x[3]; p = y[4] - x[4]; i = y[5] - x[5]
      o = (busy - j - p - i) / hz - c; if (o < 0) o = 0
      printf "%.2f %.2f %.2f %.2f %.2f\n", j / hz / w, p / hz / w, c / w, i / hz / w, o / w }')
  result[$run.cpu_java]=$java; result[$run.cpu_pg]=$pg; result[$run.cpu_client]=$client
  result[$run.cpu_irq]=$irq; result[$run.cpu_other]=$other
}

# Warns when something else keeps the CPUs busy: it would skew every figure.
check_quiet() {
  machine_busy=$(machine_busy_now)
  if awk -v b="$machine_busy" 'BEGIN { exit !(b > 0.2) }'; then
    log "WARNING: the machine was already busy before the run ($machine_busy cores in use): figures will be low"
  fi
}

# --- runs ----------------------------------------------------------------------------------------

# One wrk run; on success prints its BENCH_RESULT line. Fails on any socket error or HTTP status >= 400.
wrk_once() { # seconds script path [script args...]
  local secs=$1 script=$2 path=$3 out line; shift 3
  out=$work/wrk-$script-$secs.$RANDOM.txt
  run_timed "$work/client.times" wrk -t "$threads" -c "${run_connections:-$connections}" -d "${secs}s" --timeout 10s --latency \
    -H "Authorization: Bearer $token" -s "$LUA_DIR/$script" "http://127.0.0.1:$port$path" -- "$@" \
    >"$out" 2>&1 || { cat "$out" >&2; fail "wrk failed for $path"; }
  line=$(grep '^BENCH_RESULT ' "$out") || { cat "$out" >&2; fail "wrk printed no result for $path"; }
  if [[ ! $line =~ connect=0\ read=0\ write=0\ status=0\ timeout=0 ]]; then
    cat "$out" >&2
    fail "errors during $path: $line (status: responses with HTTP status >= 400)"
  fi
  echo "$line"
}

field() { grep -o " $2=[0-9.]*" <<<"$1" | cut -d= -f2; } # line name

wrk_run() { # run-label script path [script args...]
  local run=$1 before after line; shift
  log "$run: ${duration}s, $threads threads, ${run_connections:-$connections} connections"
  before=$(cpu_snapshot)
  line=$(wrk_once "$duration" "$@")
  after=$(cpu_snapshot)
  record_cpu "$run" "$before" "$after" "$(times_seconds "$work/client.times")"
  result[$run.requests]=$(field "$line" requests)
  result[$run.rps]=$(awk -v r="${result[$run.requests]}" -v d="$(field "$line" duration_us)" 'BEGIN { printf "%.1f", r / d * 1e6 }')
  result[$run.p50_us]=$(field "$line" p50_us)
  result[$run.p99_us]=$(field "$line" p99_us)
  log "$run: ${result[$run.rps]} requests/s, p50 ${result[$run.p50_us]} us, p99 ${result[$run.p99_us]} us"
}

# The JVM compiles its hot code while it runs: on 2 cores that takes a minute or more of load, so each
# wrk workload first runs unmeasured for $warmup seconds (errors still fail the benchmark).
warm_up() {
  ((warmup > 0)) || return 0
  log "warmup: each wrk workload for ${warmup}s, unmeasured"
  wrk_once "$warmup" get_one.lua /v1/services/ "$work/uuids.txt" >/dev/null
  wrk_once "$warmup" get_page.lua '/v1/services?count=100' >/dev/null
  wrk_once "$warmup" get_batch.lua /v1/services "$work/uuids.txt" >/dev/null
  wrk_once "$warmup" create_one.lua /v1/services >/dev/null
}

pgbench_run() { # run-label script-file
  local run=$1 script=$2 out=$work/pgbench-$1.txt before after
  log "$run: pgbench ${duration}s, $threads threads, ${run_connections:-$connections} clients, -M prepared"
  before=$(cpu_snapshot)
  run_timed "$work/client.times" pgbench -n -M prepared -h 127.0.0.1 -p "$pg_port" -U postgres \
    -c "${run_connections:-$connections}" -j "$threads" -T "$duration" -D n="$n_groups" -D owner=bench \
    -f "$SQL_DIR/$script" --log --log-prefix="$work/pglog-$run" postgres >"$out" 2>&1 \
    || { cat "$out" >&2; fail "pgbench failed for $script"; }
  after=$(cpu_snapshot)
  record_cpu "$run" "$before" "$after" "$(times_seconds "$work/client.times")"
  if grep -q 'number of failed transactions: [1-9]' "$out"; then cat "$out" >&2; fail "pgbench had failed transactions"; fi
  result[$run.rps]=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$out" | awk '{ printf "%.1f", $1 }')
  [[ -n ${result[$run.rps]} ]] || { cat "$out" >&2; fail "no tps in the pgbench output"; }
  # per-transaction log: column 3 is the latency in microseconds
  read -r result[$run.p50_us] result[$run.p99_us] < <(cat "$work/pglog-$run".* | awk '{ print $3 }' | sort -n \
    | awk '{ v[NR] = $1 } END { i50 = int(NR * 0.50); i99 = int(NR * 0.99); if (i50 < 1) i50 = 1; if (i99 < 1) i99 = 1; print v[i50], v[i99] }')
  log "$run: ${result[$run.rps]} tps, p50 ${result[$run.p50_us]} us, p99 ${result[$run.p99_us]} us"
}

# Requests/s of GET by uuid per 5 s, from the first request the app serves after loading (a cold JVM).
cold_start_curve() {
  ((cold >= 5)) || return 0
  log "cold start: GET by uuid for ${cold}s, requests/s per 5 s"
  local i line
  for ((i = 0; i < cold / 5; i++)); do
    line=$(wrk_once 5 get_one.lua /v1/services/ "$work/uuids.txt")
    cold_curve+=("$(awk -v r="$(field "$line" requests)" -v d="$(field "$line" duration_us)" \
      'BEGIN { printf "%.0f", r / d * 1e6 }')")
  done
  log "cold start: ${cold_curve[*]}"
}

# Transactions the database committed, all sessions (a statement outside a transaction is one).
transactions() { psql_q "select xact_commit + xact_rollback from pg_stat_database where datname = 'postgres'"; }

# How many statements one read costs the database: the transaction counter over 20 requests, each read
# statement running outside a transaction. Statistics reach the counter within a second of going idle.
count_statements() { # run method path [curl args...]
  local run=$1 before after i; shift
  sleep 2; before=$(transactions)
  for ((i = 0; i < 20; i++)); do api "$@" >/dev/null; done
  sleep 2; after=$(transactions)
  statements[$run]=$(awk -v a="$after" -v b="$before" 'BEGIN { printf "%.1f", (a - b - 1) / 20 }')
  log "$run: ${statements[$run]} statements per request"
}

# Runs the workloads again with $high_connections connections (wrk) / clients (pgbench).
high_runs() {
  ((high_connections > 0)) || return 0
  run_connections=$high_connections
  pgbench_run pg_one_row_high one_row.sql
  wrk_run get_one_high get_one.lua /v1/services/ "$work/uuids.txt"
  wrk_run get_page_high get_page.lua '/v1/services?count=100'
  create_run post_high
  run_connections=""
}

# POST run, then checks that every successful response created a group (no 200s with item errors).
create_run() { # [run-label]
  local run=${1:-post} before after requests
  before=$(psql_q "select count(*) from service_group")
  wrk_run "$run" create_one.lua /v1/services
  sleep 1 # requests still in flight when wrk stopped
  after=$(psql_q "select count(*) from service_group")
  requests=${result[$run.requests]}
  ((after - before >= requests)) || fail "POST run: $requests successful responses but only $((after - before)) groups created"
  log "$run: $((after - before)) groups created for $requests counted responses"
}

# --- report --------------------------------------------------------------------------------------

declare -A label=(
  [get_one]='`GET /v1/services/<uuid>`'
  [get_page]='`GET /v1/services?count=100`'
  [post]='`POST /v1/services` (one group)'
  [pg_one_row]='pgbench: one-row lookup by id (**baseline**)'
  [pg_get_queries]='pgbench: the 3 queries of a GET by uuid'
  [get_batch]='`GET /v1/services`, body of 50 uuids'
  [get_one_high]='`GET /v1/services/<uuid>`, HIGH connections'
  [get_page_high]='`GET /v1/services?count=100`, HIGH connections'
  [post_high]='`POST /v1/services` (one group), HIGH connections'
  [pg_one_row_high]='pgbench: one-row lookup by id, HIGH clients (**baseline** of the HIGH rows)'
)

ms() { awk -v us="$1" 'BEGIN { printf "%.2f ms", us / 1000 }'; }

report() {
  local base run pg_version name
  pg_version=$(psql_q "show server_version")
  echo "# servicegroups benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "$n_groups groups loaded; each run ${duration} s, $threads threads," \
    "$connections connections (wrk) / clients (pgbench, \`-M prepared\`), all on this machine;" \
    "the wrk runs after a warmup of ${warmup} s per workload."
  echo
  echo "| endpoint | requests/s | p50 | p99 | ratio to baseline | SQL statements per request |"
  echo "|---|---:|---:|---:|---:|---:|"
  for run in "${rows[@]}"; do
    [[ -n ${result[$run.rps]:-} ]] || continue
    base=${result[pg_one_row.rps]}
    [[ $run == *_high ]] && base=${result[pg_one_row_high.rps]}
    name=${label[$run]//HIGH/$high_connections}
    printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$(printf '%.0f' "${result[$run.rps]}")" \
      "$(ms "${result[$run.p50_us]}")" "$(ms "${result[$run.p99_us]}")" \
      "$(awk -v a="${result[$run.rps]}" -v b="$base" 'BEGIN { printf "%.3f", a / b }')" "${statements[$run]:-}"
  done
  echo
  echo "The \`GET /v1/services\` row with a body of 50 uuids counts requests; each returns 50 groups."
  if ((${#cold_curve[@]})); then
    echo
    echo "Cold start: \`GET /v1/services/<uuid>\` requests/s in each 5 s after the app became ready and was loaded" \
      "($connections connections): ${cold_curve[*]}."
    local i steady=${result[get_one.rps]} reached=""
    for ((i = 0; i < ${#cold_curve[@]}; i++)); do
      if awk -v a="${cold_curve[$i]}" -v s="$steady" 'BEGIN { exit !(a >= 0.9 * s) }'; then reached=$(((i + 1) * 5)); break; fi
    done
    if [[ -n $reached ]]; then reached="reached in the 5 s ending at ${reached} s"; else reached="not reached within ${cold} s"; fi
    echo "90 % of the steady rate ($(printf '%.0f' "$steady") requests/s, the measured run after warmup): $reached."
  fi
  echo
  echo "CPU used during each measured run, in cores (CPU seconds per second; the machine has $(nproc)):"
  echo
  echo "| endpoint | java | PostgreSQL | load generator (wrk / pgbench) | interrupts (loopback network) | other processes |"
  echo "|---|---:|---:|---:|---:|---:|"
  for run in "${rows[@]}"; do
    [[ -n ${result[$run.rps]:-} ]] || continue
    printf '| %s | %s | %s | %s | %s | %s |\n' "${label[$run]//HIGH/$high_connections}" "${result[$run.cpu_java]}" "${result[$run.cpu_pg]}" \
      "${result[$run.cpu_client]}" "${result[$run.cpu_irq]}" "${result[$run.cpu_other]}"
  done
  echo
  echo "Before the run the machine was busy with other work for $machine_busy cores."
  echo
  echo "Machine:"
  echo
  echo "- date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "- nproc: $(nproc); CPU: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | sed -n 1p)"
  echo "- memory: $(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo); kernel $(uname -r)"
  echo "- java: $(java -version 2>&1 | sed -n 1p)"
  echo "- PostgreSQL (embedded, the app's own): $pg_version; $(pgbench --version)"
  echo "- $(wrk -v 2>&1 | sed -n 1p | cut -d' ' -f1-2)"
  echo "- app: $JAR (worktree at commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)), JVM options: '${java_opts:-none}'"
}

main() {
  exec 8>&1 9>&2   # the script's own stdout and stderr, for cleanup
  parse_args "$@"
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  ensure_tools
  build_if_needed
  work=$(mktemp -d "${TMPDIR:-/tmp}/sg-bench.XXXXXX")
  pick_port
  check_quiet
  start_app
  load_groups
  check_answers
  cold_start_curve
  pgbench_run pg_one_row one_row.sql
  pgbench_run pg_get_queries get_queries.sql
  warm_up
  wrk_run get_one get_one.lua /v1/services/ "$work/uuids.txt"
  wrk_run get_page get_page.lua '/v1/services?count=100'
  wrk_run get_batch get_batch.lua /v1/services "$work/uuids.txt"
  create_run
  high_runs
  count_statements get_one GET "/v1/services/$(sed -n 1p "$work/uuids.txt")"
  count_statements get_page GET '/v1/services?count=100'
  count_statements get_batch GET /v1/services -H 'Content-Type: application/json' --data-binary "@$work/batch50.json"
  mkdir -p "$RESULTS_DIR"
  report | tee "$RESULTS_DIR/$stamp.md"
  log "written to bench/results/$stamp.md"
}

main "$@"
