#!/bin/bash
# Container health check without curl: GET /q/health/ready (the database included) over bash's /dev/tcp;
# healthy on HTTP 200. Follows QUARKUS_HTTP_PORT like the application.
port=${QUARKUS_HTTP_PORT:-8080}
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /q/health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
IFS= read -r -t 5 status <&3 || exit 1
[[ $status == HTTP/1.[01]\ 200* ]]
