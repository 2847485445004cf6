-- POST /v1/services creating one group per request. No name and no dns_name: the server generates
-- both, so requests never collide.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "report.lua")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"services":[{"port":443,"destination_port":8080,"handlers":["tls","http"]}]}'
