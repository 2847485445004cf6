#!/bin/sh
# Starts servicegroups in the container. exec makes the application PID 1, so that `docker stop` (SIGTERM)
# reaches it directly: it stops taking requests, then stops the embedded PostgreSQL (if any) cleanly.
# Secrets may come from files (Docker/Compose secrets): SG_DB_URL_FILE and SG_AUTH_TOKENS_FILE name a file
# whose content becomes SG_DB_URL / SG_AUTH_TOKENS. The JVM image runs the fast-jar with JAVA_OPTS and
# JAVA_OPTS_APPEND; the native image sets SG_NATIVE_EXECUTABLE. Extra arguments go to the application.
set -e

from_file() {
  eval "file=\${${1}_FILE:-}"
  if [ -n "$file" ]; then
    if [ ! -r "$file" ]; then
      echo "entrypoint: ${1}_FILE names $file, which cannot be read" >&2
      exit 1
    fi
    eval "$1=\$(cat \"\$file\")"
    export "$1"
    unset "${1}_FILE"
  fi
}
from_file SG_DB_URL
from_file SG_AUTH_TOKENS

if [ -n "${SG_NATIVE_EXECUTABLE:-}" ]; then
  exec "$SG_NATIVE_EXECUTABLE" "$@"
fi
# shellcheck disable=SC2086  # the options are meant to be split into words
exec java ${JAVA_OPTS:-} ${JAVA_OPTS_APPEND:-} -jar "${JAVA_APP_JAR:-/deployments/quarkus-run.jar}" "$@"
