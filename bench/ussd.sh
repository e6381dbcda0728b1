#!/usr/bin/env bash
# USSD throughput: the Procfile's web command (gunicorn, 2 sync workers) serving the gateway, then
# a bare Flask app under the same command, each loaded in turn by wrk: 50 threads of one
# connection each, walking 3-5 step sessions (a new sessionId and phone per walk) that reach the
# agency lookup on a 400-agency registry, registration up to the village, and the info menu.
# Prints req/s, p50/p99 (ms), errors, and the ratio gateway / bare Flask.
# Then the floor: bare Flask with the Redis GET and SET any step keeping its session there needs.
#   bench/ussd.sh [sqlite|postgresql] [seconds] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/lib.sh
ensure_venv
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
backend=${1:-sqlite}
seconds=${2:-20}
rounds=${3:-2}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
export REDIS_URL=redis://localhost:6379/13 ENV=local SMS_BACKEND=console QUIET_HOURS=off
export USSD_SESSIONS_PER_HOUR=1000000 PORT=5181
if [ "$backend" = postgresql ]; then
  psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='gateway_bench'" \
    | grep -q 1 || createdb -h 127.0.0.1 -U postgres gateway_bench
  export DATABASE_URL=postgresql://postgres@127.0.0.1:5432/gateway_bench
else
  export DATABASE_URL="sqlite:///$work/bench.db"
fi
ensure_redis "$REDIS_URL"
.venv/bin/python -c "import redis, os; redis.Redis.from_url(os.environ['REDIS_URL']).flushdb()"
agency=$(.venv/bin/python bench/ussd_setup.py 2>/dev/null | tail -1)
web_command=$(sed -n 's/^web: //p' Procfile)

load() {  # $1: label, $2: the app for gunicorn, $3: the round (its wrk runs' own sessions)
  local command=${web_command/\'gateway:create_app()\'/$2}
  PATH="$PWD/.venv/bin:$PATH" bash -c "exec $command" >"$work/$1.log" 2>&1 &
  local server=$!
  for _ in $(seq 100); do curl -s -o /dev/null "localhost:$PORT/" && break; sleep 0.1; done
  wrk -t 50 -c 50 -d 3s -s bench/ussd_walks.lua "http://127.0.0.1:$PORT" -- "$agency" \
    $((2 * $3)) >/dev/null
  local result rss
  result=$(wrk -t 50 -c 50 -d "${seconds}s" -s bench/ussd_walks.lua "http://127.0.0.1:$PORT" \
    -- "$agency" $((2 * $3 + 1)) | sed -n 's/^RESULT //p')
  # The largest web worker's resident memory after the load, in MB.
  rss=$(ps -o rss= --ppid "$(pgrep -f -o "gunicorn --bind 0.0.0.0:$PORT")" | sort -n | tail -1)
  kill "$server"; wait "$server" 2>/dev/null || true
  echo "$1 $result $((rss / 1024))"
}

# The apps take turns, $rounds times, and each one's best round counts: this machine's speed
# drifts from minute to minute, and a ratio of two runs minutes apart would measure the drift.
declare -A best
for round in $(seq "$rounds"); do
  for app in "gateway 'gateway:create_app()'" "bare 'bench.bare_flask:app'" \
    "floor 'bench.redis_floor:app'"; do
    line=$(load ${app% *} "${app#* }" "$round")
    read -r name rps _ <<<"$line"
    read -r _ best_rps _ <<<"${best[$name]:-x 0}"
    if python3 -c "import sys; sys.exit(float(sys.argv[1]) <= float(sys.argv[2]))" "$rps" \
      "$best_rps"; then best[$name]=$line; fi
  done
done
echo "USSD on $backend, best of $rounds rounds of ${seconds} s, wrk -t 50 -c 50, $(nproc) cores, $(date -u +%F)"
printf '%-8s %9s %9s %9s %7s %9s %10s\n' "" "req/s" "p50 ms" "p99 ms" "errors" "requests" \
  "worker MB"
for name in gateway bare floor; do
  read -r name rps p50 p99 errors requests rss <<<"${best[$name]}"
  printf '%-8s %9s %9s %9s %7s %9s %10s\n' "$name" "$rps" "$p50" "$p99" "$errors" "$requests" "$rss"
done
read -r _ g_rps _ g_p99 _ <<<"${best[gateway]}"
read -r _ b_rps _ b_p99 _ <<<"${best[bare]}"
read -r _ f_rps _ <<<"${best[floor]}"
python3 -c "import sys; g, b, gp, bp, f = map(float, sys.argv[1:]); print(f'ratio {g / b:.2f} (gateway / bare Flask req/s); p99 {gp / bp:.1f}x bare; floor {f / b:.2f} (bare Flask + a Redis GET and SET a request)')" \
  "$g_rps" "$b_rps" "$g_p99" "$b_p99" "$f_rps"
