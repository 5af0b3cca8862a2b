#!/usr/bin/env bash
# Load test: 100 users for 60 s against gunicorn + PostgreSQL with the demo loaded (make load).
# Budget officers editing, politicians simulating, the public reading: benchmarks/locustfile.py.
# Prints the errors and p50/p95 per kind of request; the figures go in docs/benchmarks.md.
# Users arrive 5 a second; the statistics restart once all have arrived (--reset-stats), so the
# figures are the steady state of 100 users working, not the storm of 100 password checks
# (PBKDF2, deliberately slow) at the start. The ramp-up is printed separately.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${USERS:-100}
DURATION=${DURATION:-60s}
PORT=${PORT:-8001}
bash scripts/postgres.sh >/dev/null
export PGPASSWORD=raaderum
dropdb -h 127.0.0.1 -U raaderum --if-exists raaderum_load
createdb -h 127.0.0.1 -U raaderum raaderum_load
export DATABASE_URL=postgres://raaderum:raaderum@127.0.0.1:5432/raaderum_load
export SECRET_KEY=load-test-only-not-secret-0123456789abcdefghijklmnopqrstuvwxyz
export DEBUG=false STATIC_MANIFEST=true SECURE_COOKIES=false ALLOWED_HOSTS=127.0.0.1
export CACHE_DIR="$PWD/var/load-cache" LOG_LEVEL=WARNING
# The one extra tool, pinned, in its own environment (it brings gevent and Flask along).
test -x var/locust-venv/bin/locust || {
  python3.11 -m venv var/locust-venv
  var/locust-venv/bin/pip install -q --disable-pip-version-check locust==2.47.0
}
.venv/bin/python manage.py migrate --noinput -v 0
.venv/bin/python manage.py collectstatic --noinput -v 0
.venv/bin/python manage.py load_demo --allow-without-debug >/dev/null
GUNICORN_BIND=127.0.0.1:$PORT .venv/bin/gunicorn --config deploy/gunicorn.conf.py \
  --access-logfile /dev/null raaderum.wsgi > var/load-gunicorn.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 30); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/accounts/login/" && break; sleep 1; done
echo "machine: $(nproc) cores; gunicorn workers: $(( $(nproc) * 2 + 1 )) × 4 threads; $USERS users for $DURATION"
var/locust-venv/bin/locust -f benchmarks/locustfile.py --headless -u "$USERS" -r 5 -t "$DURATION" --reset-stats \
  --host "http://127.0.0.1:$PORT" --csv var/load --only-summary --loglevel WARNING 2>&1 | tail -40
python3 - <<'PY'
import csv
rows = list(csv.DictReader(open("var/load_stats.csv")))
print(f"\n{'request':28} {'count':>6} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7}")
for row in rows:
    print(f"{row['Name']:28} {row['Request Count']:>6} {row['Failure Count']:>6} "
          f"{row['50%']:>7} {row['95%']:>7}")
PY
