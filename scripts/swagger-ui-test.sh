#!/usr/bin/env bash
# Swagger UI in a real browser: starts the packaged fast-jar (zero set-up, a fresh data dir, port 18289) and drives
# /q/swagger-ui in Debian's Chromium with playwright-core (scripts/browser): authorize, create a group, list it with
# a query parameter, delete it. Installs what it needs: the chromium package (never a downloaded browser) and the
# locked npm packages. Needs api/target/quarkus-app.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=api/target/quarkus-app/quarkus-run.jar
[[ -f $jar ]] || { echo "missing $jar: run ./mvnw -B package first" >&2; exit 1; }
port=${SWAGGER_UI_PORT:-18289}

if ! command -v chromium >/dev/null; then
  sudo=; [[ $(id -u) == 0 ]] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
(cd scripts/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)

work=$(mktemp -d)
source scripts/lib/app.sh

token="ui-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
app_start SG_DATA_DIR="$work/data" SG_AUTH_TOKENS="swagger:$token" QUARKUS_HTTP_PORT="$port" \
  SG_GATEWAY_HOST=127.0.0.1 SG_GATEWAY_PORT_OFFSET=24000

BASE_URL="http://localhost:$port" TOKEN="$token" CHROMIUM="$(command -v chromium)" \
  node scripts/browser/swagger-ui.test.mjs
echo "Swagger UI test passed"
