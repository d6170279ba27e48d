#!/usr/bin/env bash
# Checks deploy/keycloak/okr-realm.json for real, without Docker: starts Keycloak from its
# distribution on Maven Central with that realm imported, starts PostgreSQL and Kafka
# (okr-ledger.jar infra) and the three services as separate processes trusting Keycloak, signs the
# demo users in with the password grant (client okr-cli) and checks that every service accepts
# their tokens with the right permissions. Stops everything it started; exits 0 when every check
# passed, 1 otherwise. Not part of CI: it needs a JDK 21+ for Keycloak and takes a few minutes.
#
# Settings (environment): KEYCLOAK_JAVA_HOME (/usr/lib/jvm/temurin-25-jdk-amd64),
# KEYCLOAK_CACHE (target/keycloak: where the distribution zip is kept between runs),
# VERIFY_TIMEOUT (300: seconds to wait for each start).
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
KEYCLOAK_VERSION=26.0.7
KEYCLOAK_JAVA_HOME="${KEYCLOAK_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
KEYCLOAK_CACHE="${KEYCLOAK_CACHE:-$ROOT/target/keycloak}"
TIMEOUT="${VERIFY_TIMEOUT:-300}"
WORK="$(mktemp -d -t okr-verify-identity.XXXXXX)"
PIDS=()
PASSED=0
FAILED=0

say() { printf '[verify-identity] %s\n' "$*"; }

stop_all() {
    # newest first: services, then the infrastructure, then Keycloak
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
        kill "${PIDS[$i]}" 2>/dev/null
    done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 1 60); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 1
        done
        kill -9 "$pid" 2>/dev/null
    done
    rm -rf "$WORK"
}
trap stop_all EXIT

fail_now() {
    say "FAILED: $*"
    say "logs were in $WORK (removed on exit); last lines:"
    for log in "$WORK"/*.log; do
        [ -f "$log" ] && { echo "--- $log"; tail -n 15 "$log"; }
    done
    exit 1
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# waits until URL answers 200, or fails after TIMEOUT seconds
await_ok() {
    local what="$1" url="$2" pid="$3"
    for _ in $(seq 1 "$TIMEOUT"); do
        if [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ]; then
            say "$what is up"
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || fail_now "$what exited"
        sleep 1
    done
    fail_now "$what did not answer at $url within $TIMEOUT s"
}

# check NAME EXPECTED ACTUAL
check() {
    if [ "$2" = "$3" ]; then
        PASSED=$((PASSED + 1))
        say "ok   $1 ($3)"
    else
        FAILED=$((FAILED + 1))
        say "FAIL $1: expected $2, got $3"
    fi
}

for tool in curl jq python3 unzip; do
    command -v "$tool" >/dev/null || fail_now "$tool is needed"
done
[ -x "$KEYCLOAK_JAVA_HOME/bin/java" ] || fail_now "no JDK 21+ at KEYCLOAK_JAVA_HOME=$KEYCLOAK_JAVA_HOME"

# --- the system's jars and Keycloak's distribution
cd "$ROOT"
if ! ls launcher/target/okr-ledger.jar command-service/target/*-exec.jar query-service/target/*-exec.jar \
        notifier/target/*-exec.jar >/dev/null 2>&1; then
    say "building the jars"
    ./mvnw -B -q -DskipTests package || fail_now "build failed"
fi
# copies, so that a build during the run cannot change a jar under a running process
mkdir -p "$WORK/jars"
cp launcher/target/okr-ledger.jar command-service/target/*-exec.jar query-service/target/*-exec.jar \
    notifier/target/*-exec.jar "$WORK/jars/"
ZIP="$KEYCLOAK_CACHE/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip"
if [ ! -f "$ZIP" ]; then
    say "downloading Keycloak $KEYCLOAK_VERSION from Maven Central"
    ./mvnw -B -q -N dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" \
        -DoutputDirectory="$KEYCLOAK_CACHE" || fail_now "could not download Keycloak"
fi
unzip -q "$ZIP" -d "$WORK" || fail_now "could not unzip $ZIP"
KC_HOME="$WORK/keycloak-$KEYCLOAK_VERSION"
mkdir -p "$KC_HOME/data/import"
cp deploy/keycloak/okr-realm.json "$KC_HOME/data/import/"

KC_PORT=$(free_port)
KC_MANAGEMENT_PORT=$(free_port)
POSTGRES_PORT=$(free_port)
KAFKA_PORT=$(free_port)
COMMAND_PORT=$(free_port)
QUERY_PORT=$(free_port)
NOTIFIER_PORT=$(free_port)
ISSUER="http://localhost:$KC_PORT/realms/okr"

# --- Keycloak, in production mode as in docker-compose.yml (but on its dev-file database)
say "starting Keycloak on port $KC_PORT"
(
    export JAVA_HOME="$KEYCLOAK_JAVA_HOME" PATH="$KEYCLOAK_JAVA_HOME/bin:$PATH"
    export JAVA_OPTS_APPEND="-Dnet.bytebuddy.experimental=true"
    export OKR_DASHBOARD_CLIENT_SECRET="verify-only-$RANDOM$RANDOM"
    exec "$KC_HOME/bin/kc.sh" start --import-realm --db=dev-file --cache=local --http-enabled=true \
        --http-port="$KC_PORT" --http-management-port="$KC_MANAGEMENT_PORT" --hostname="http://localhost:$KC_PORT" \
        --health-enabled=true
) >"$WORK/keycloak.log" 2>&1 &
PIDS+=($!)
await_ok "Keycloak" "http://localhost:$KC_MANAGEMENT_PORT/health/ready" "${PIDS[-1]}"

# --- PostgreSQL and Kafka only, then each service as its own process, trusting Keycloak
say "starting PostgreSQL and Kafka (okr-ledger.jar infra)"
OKR_POSTGRES_PORT=$POSTGRES_PORT OKR_KAFKA_PORT=$KAFKA_PORT java -jar "$WORK/jars/okr-ledger.jar" infra \
    --data-dir="$WORK/data" --issuer="$ISSUER" --audience=okr-ledger-api >"$WORK/infra.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 "$TIMEOUT"); do
    grep -q "infrastructure is up" "$WORK/infra.log" && break
    kill -0 "${PIDS[-1]}" 2>/dev/null || fail_now "the infrastructure exited"
    sleep 1
done
grep -q "infrastructure is up" "$WORK/infra.log" || fail_now "the infrastructure did not start"

start_service() {
    local name="$1" port="$2"
    say "starting $name on port $port"
    java -Daxoniq.update-checker.disabled=true -jar "$WORK/jars/$name"-*-exec.jar \
        --spring.config.additional-location="file:$WORK/data/services/$name.properties" \
        --server.port="$port" >"$WORK/$name.log" 2>&1 &
    PIDS+=($!)
}
start_service command-service "$COMMAND_PORT"
start_service query-service "$QUERY_PORT"
start_service notifier "$NOTIFIER_PORT"
await_ok "command-service" "http://localhost:$COMMAND_PORT/actuator/health" "${PIDS[-3]}"
await_ok "query-service" "http://localhost:$QUERY_PORT/actuator/health" "${PIDS[-2]}"
await_ok "notifier" "http://localhost:$NOTIFIER_PORT/actuator/health" "${PIDS[-1]}"

# --- the demo users sign in
token() {
    curl -s -X POST "$ISSUER/protocol/openid-connect/token" -d grant_type=password -d client_id=okr-cli \
        -d username="$1" -d password=demo-only-password | jq -r '.access_token // empty'
}
claims() {
    local part
    part=$(cut -d. -f2 <<<"$1" | tr '_-' '/+')
    while [ $(( ${#part} % 4 )) != 0 ]; do part="$part="; done
    base64 -d <<<"$part"
}
LEE=$(token lee); SAM=$(token sam); GUS=$(token gus); ADA=$(token ada); PIA=$(token pia)
[ -n "$LEE" ] && [ -n "$SAM" ] && [ -n "$GUS" ] && [ -n "$ADA" ] && [ -n "$PIA" ] || fail_now "a demo user could not sign in"
check "a wrong password is refused" invalid_grant "$(curl -s -X POST "$ISSUER/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=okr-cli -d username=sam -d password=wrong | jq -r .error)"
SAM_CLAIMS=$(claims "$SAM" | jq -c '.')
check "sam's token: roles" '["MEMBER"]' "$(jq -c '.roles' <<<"$SAM_CLAIMS")"
check "sam's token: teams" '["support"]' "$(jq -c '.teams' <<<"$SAM_CLAIMS")"
check "sam's token: name" '"Sam Support"' "$(jq -c '.name' <<<"$SAM_CLAIMS")"
check "sam's token: audience" '"okr-ledger-api"' "$(jq -c '.aud' <<<"$SAM_CLAIMS")"
check "sam's token: issuer" "\"$ISSUER\"" "$(jq -c '.iss' <<<"$SAM_CLAIMS")"
check "the dashboard client has no password grant" "unauthorized_client" "$(curl -s -X POST \
    "$ISSUER/protocol/openid-connect/token" -d grant_type=password -d client_id=okr-dashboard \
    -d client_secret=wrong -d username=sam -d password=demo-only-password | jq -r .error)"

# METHOD URL TOKEN [BODY]: prints the HTTP status, keeps the body in $WORK/body.json
call() {
    local method="$1" url="$2" auth=() data=()
    [ -n "$3" ] && auth=(-H "Authorization: Bearer $3")
    [ -n "${4:-}" ] && data=(-H 'Content-Type: application/json' -d "$4")
    curl -s -o "$WORK/body.json" -w '%{http_code}' -X "$method" "${auth[@]}" "${data[@]}" "$url"
}
C="http://localhost:$COMMAND_PORT"
Q="http://localhost:$QUERY_PORT"
N="http://localhost:$NOTIFIER_PORT"
TODAY=$(date -u +%F)
STARTS=$(date -u -d "$TODAY - 14 days" +%F)
ENDS=$(date -u -d "$TODAY + 76 days" +%F)

# --- every service refuses requests without a valid token; command-service
# sam's token with the claims changed to ADMIN, under Keycloak's original signature
FORGED_CLAIMS=$(jq -c '.roles = ["ADMIN"]' <<<"$SAM_CLAIMS" | base64 -w0 | tr '/+' '_-' | tr -d '=')
FORGED="$(cut -d. -f1 <<<"$SAM").$FORGED_CLAIMS.$(cut -d. -f3 <<<"$SAM")"
for base in "$C" "$Q" "$N"; do
    check "no token on $base" 401 "$(call GET "$base/api/cycles" "")"
    check "a token with altered claims on $base" 401 "$(call GET "$base/api/cycles" "$FORGED")"
done
check "a member may not plan a cycle" 403 "$(call POST "$C/api/cycles" "$SAM" \
    "{\"name\":\"Verify\",\"startsOn\":\"$STARTS\",\"endsOn\":\"$ENDS\",\"cadence\":\"WEEKLY\"}")"
check "an OKR lead plans a cycle" 201 "$(call POST "$C/api/cycles" "$LEE" \
    "{\"name\":\"Verify\",\"startsOn\":\"$STARTS\",\"endsOn\":\"$ENDS\",\"cadence\":\"WEEKLY\"}")"
CYCLE=$(jq -r .id "$WORK/body.json")
check "an OKR lead activates it" 204 "$(call POST "$C/api/cycles/$CYCLE/activate" "$LEE")"
check "a growth member may not define a support objective" 403 "$(call POST "$C/api/objectives" "$GUS" \
    "{\"cycleId\":\"$CYCLE\",\"title\":\"Faster support\",\"level\":\"TEAM\",\"team\":\"support\"}")"
check "a support member defines a support objective" 201 "$(call POST "$C/api/objectives" "$SAM" \
    "{\"cycleId\":\"$CYCLE\",\"title\":\"Faster support\",\"level\":\"TEAM\",\"team\":\"support\"}")"
OBJECTIVE=$(jq -r .id "$WORK/body.json")
check "a support member adds a key result" 201 "$(call POST "$C/api/objectives/$OBJECTIVE/key-results" "$SAM" \
    '{"title":"First response under 2 h","unit":"hours","baseline":8,"target":2,"indicator":"LAGGING","owner":"sam"}')"
KR=$(jq -r .id "$WORK/body.json")
checkin() { printf '{"checkInId":"%s","value":%s,"confidence":%s,"decision":"keep going"}' "$(cat /proc/sys/kernel/random/uuid)" "$1" "$2"; }
check "a support member checks in" 201 "$(call POST "$C/api/key-results/$KR/check-ins" "$SAM" "$(checkin 6 8)")"
check "a growth member may not check in on a support key result" 403 \
    "$(call POST "$C/api/key-results/$KR/check-ins" "$GUS" "$(checkin 5 8)")"
check "the refusal names the rule" "team-membership-or-ownership-required" "$(jq -r .rule "$WORK/body.json")"
check "a member of support and growth checks in" 201 "$(call POST "$C/api/key-results/$KR/check-ins" "$PIA" "$(checkin 6 8)")"
check "an OKR lead checks in on any team's key result" 201 \
    "$(call POST "$C/api/key-results/$KR/check-ins" "$LEE" "$(checkin 6 8)")"
check "a sharp confidence drop is recorded" 201 "$(call POST "$C/api/key-results/$KR/check-ins" "$SAM" "$(checkin 6 3)")"

# --- query-service: reads for everyone signed in, the actor is the token's subject and name
for _ in $(seq 1 60); do
    [ "$(call GET "$Q/api/key-results/$KR/confidence-history" "$GUS")" = 200 ] \
        && [ "$(jq length "$WORK/body.json")" = 4 ] && break
    sleep 1
done
check "a growth member reads the support key result's history" 4 "$(jq length "$WORK/body.json")"
check "the check-ins' actors are the tokens' subjects" \
    "$(jq -r .sub <<<"$SAM_CLAIMS") $(claims "$PIA" | jq -r .sub) $(claims "$LEE" | jq -r .sub) $(jq -r .sub <<<"$SAM_CLAIMS")" \
    "$(jq -r '[.[].recordedBy] | join(" ")' "$WORK/body.json")"
call GET "$Q/api/key-results/$KR/audit" "$SAM" >/dev/null
check "the audit names sam" "Sam Support" "$(jq -r '[.[] | .actorName // empty][0]' "$WORK/body.json")"
check "a member may not rebuild the read models" 403 "$(call POST "$Q/api/admin/rebuild" "$SAM")"
check "an admin may" 202 "$(call POST "$Q/api/admin/rebuild" "$ADA")"

# --- notifier
for _ in $(seq 1 60); do
    [ "$(call GET "$N/api/alerts?keyResultId=$KR" "$GUS")" = 200 ] \
        && [ "$(jq '[.[] | select(.kind == "CONFIDENCE_DROP")] | length' "$WORK/body.json")" -ge 1 ] && break
    sleep 1
done
check "a growth member reads the support alert" CONFIDENCE_DROP \
    "$(jq -r '[.[] | select(.kind == "CONFIDENCE_DROP")][0].kind' "$WORK/body.json")"
ALERT=$(jq -r '[.[] | select(.kind == "CONFIDENCE_DROP")][0].id' "$WORK/body.json")
check "a growth member may not acknowledge a support alert" 403 "$(call POST "$N/api/alerts/$ALERT/acknowledge" "$GUS")"
check "a support member acknowledges it" 200 "$(call POST "$N/api/alerts/$ALERT/acknowledge" "$SAM")"
check "a growth member may not subscribe a support webhook" 403 "$(call POST "$N/api/webhooks" "$GUS" \
    '{"url":"http://localhost:9/hook","team":"support"}')"
check "a support member may" 201 "$(call POST "$N/api/webhooks" "$SAM" '{"url":"http://localhost:9/hook","team":"support"}')"
check "a member may not run the scan" 403 "$(call POST "$N/api/alerts/scan" "$SAM")"
check "an OKR lead may" 200 "$(call POST "$N/api/alerts/scan" "$LEE")"

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
