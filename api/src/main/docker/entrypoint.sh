#!/bin/sh
# Starts servicegroups in the container. exec makes java PID 1, so that `docker stop` (SIGTERM) reaches the
# JVM directly: Quarkus stops taking requests, then the embedded PostgreSQL (if any) is stopped cleanly.
# JAVA_OPTS and JAVA_OPTS_APPEND are split into JVM options; extra arguments go to the application.
set -e
# shellcheck disable=SC2086  # the options are meant to be split into words
exec java ${JAVA_OPTS:-} ${JAVA_OPTS_APPEND:-} -jar "${JAVA_APP_JAR:-/deployments/quarkus-run.jar}" "$@"
