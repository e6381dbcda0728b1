# Shared by bin/dev, bin/test and .ci/run: a virtualenv with the pinned requirements, and a Redis.

ensure_venv() {
  # Builds .venv once, and again whenever requirements.txt changes.
  local stamp=.venv/.requirements.sha
  local want
  want=$(sha256sum requirements.txt | cut -d' ' -f1)
  if [ ! -x .venv/bin/python ]; then
    echo "Creating .venv ..."
    python3 -m venv .venv
  fi
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "Installing requirements.txt into .venv ..."
    .venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
    echo "$want" > "$stamp"
  fi
}

redis_answers() {
  .venv/bin/python -c "import redis, sys; redis.Redis.from_url(sys.argv[1], socket_connect_timeout=1).ping()" "$1" 2>/dev/null
}

ensure_redis() {
  # The Redis at $1; else a local redis-server started here (no persistence); else say what to do.
  local url=$1
  redis_answers "$url" && return 0
  local port
  port=$(.venv/bin/python -c "import sys; from urllib.parse import urlparse; u = urlparse(sys.argv[1]); print(u.port or 6379) if u.hostname in ('localhost', '127.0.0.1') else print('')" "$url")
  if [ -n "$port" ] && command -v redis-server >/dev/null 2>&1; then
    echo "Starting redis-server on port $port ..."
    redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save "" --appendonly no >/dev/null
    for _ in $(seq 50); do redis_answers "$url" && return 0; sleep 0.1; done
  fi
  echo "No Redis answers at $url." >&2
  echo "Install one (Debian/Ubuntu: sudo apt-get install redis-server) or set REDIS_URL to a running Redis." >&2
  return 1
}
