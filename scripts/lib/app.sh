# Sourced by the scripts that run the packaged fast-jar. The caller sets $jar, $port and $work (a temporary
# directory, removed on exit) before sourcing; $app_pid is the running application's pid.
app_pid=
app_cleanup() {
  [[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap app_cleanup EXIT

# app_start NAME=value...: starts the jar with these variables added to the environment (log: $work/app.log)
# and waits until it is ready; prints the log's tail and exits when it is not.
app_start() {
  env "$@" java -jar "$jar" >>"$work/app.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do
    curl -sf "http://localhost:$port/q/health/ready" >/dev/null && return 0
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 1
  done
  echo "the application did not become ready; its log:" >&2
  tail -n 50 "$work/app.log" >&2
  exit 1
}

# app_stop: SIGTERM, then waits for the process to end.
app_stop() {
  kill "$app_pid" && wait "$app_pid" || true
  app_pid=
}
