#!/usr/bin/env bash
# Starts the packaged fast-jar with zero set-up (embedded PostgreSQL, generated token), creates a group and
# an instance that starts draining, stops the jar until the drain deadline has passed, starts it again and
# checks that the group is still there and the instance has stopped. Needs api/target/quarkus-app.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=api/target/quarkus-app/quarkus-run.jar
[[ -f $jar ]] || { echo "missing $jar: run ./mvnw -B package first" >&2; exit 1; }
port=${SMOKE_PORT:-18089}
work=$(mktemp -d)
source scripts/lib/app.sh

start() {
  # the gateway listens on loopback only: published port P on P + 23000
  app_start SG_DATA_DIR="$work/data" QUARKUS_HTTP_PORT="$port" SG_GATEWAY_HOST=127.0.0.1 SG_GATEWAY_PORT_OFFSET=23000
}

start
token=$(grep -o 'keep it: sg_[A-Za-z0-9_-]*' "$work/app.log" | head -n 1 | cut -d' ' -f3)
[[ -n $token ]] || { echo "no generated token in the log" >&2; exit 1; }
uuid=$(curl -sf -X POST "http://localhost:$port/v1/services" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' \
  -d '{"name": "smoke", "services": [{"port": 443, "destination_port": 8080, "handlers": ["tls", "http"]}]}' \
  | grep -o '"uuid":"[^"]*"' | cut -d'"' -f4)
[[ -n $uuid ]] || { echo "create failed" >&2; exit 1; }
instance=$(curl -sf -X POST "http://localhost:$port/v1/instances" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{"address": "10.0.0.7", "service_group": {"name": "smoke"}}' \
  | grep -o '"uuid":"[^"]*"' | head -n 1 | cut -d'"' -f4)
[[ -n $instance ]] || { echo "instance create failed" >&2; exit 1; }
curl -sf -X PUT "http://localhost:$port/v1/instances/$instance/stop" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{"drain_timeout_ms": 3000}' | grep -q '"state":"draining"' \
  || { echo "instance did not start draining" >&2; exit 1; }
app_stop
sleep 4   # the drain deadline passes while the server is down

start
if [[ $(grep -c 'keep it:' "$work/app.log") != 1 ]]; then
  echo "the token was generated again after the restart" >&2; exit 1
fi
answer=$(curl -sf "http://localhost:$port/v1/services/$uuid" -H "Authorization: Bearer $token")
grep -q '"name":"smoke"' <<<"$answer" || { echo "group lost across the restart: $answer" >&2; exit 1; }
state=$(curl -sf "http://localhost:$port/v1/instances/$instance" -H "Authorization: Bearer $token" \
  | grep -o '"state":"[^"]*"' | cut -d'"' -f4)
[[ $state == stopped ]] || { echo "the drain that expired during the restart left state '$state'" >&2; exit 1; }
curl -sf "http://localhost:$port/q/swagger-ui/" >/dev/null || { echo "no Swagger UI" >&2; exit 1; }
echo "smoke test passed: group $uuid survived a restart, instance $instance stopped after its drain"\
  "expired while the server was down; Swagger UI served"
