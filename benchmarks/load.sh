#!/usr/bin/env bash
# Load test: 100 users for 60 s against gunicorn + PostgreSQL with the demo loaded (make load).
# Budget officers editing, politicians simulating, the public reading: benchmarks/locustfile.py.
# Prints the errors and p50/p95 per kind of request; the figures go in docs/benchmarks.md.
# Users arrive 5 a second; the statistics restart once all have logged in (locustfile.py), so the
# figures are DURATION seconds of 100 users working, not the storm of 60 password checks
# (PBKDF2, deliberately slow) while they arrive. The load average is sampled during the run:
# other work on the machine shows in the figures, so it is printed with them.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${USERS:-100}
RATE=${RATE:-5}
DURATION=${DURATION:-60}  # seconds measured once every user has arrived
PORT=${PORT:-8001}
echo "load average (1 min) before: $(cut -d' ' -f1 /proc/loadavg)"
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
workers=$(.venv/bin/python -c "import runpy; c = runpy.run_path('deploy/gunicorn.conf.py'); print(f\"{c['workers']} × {c.get('threads', 1)} threads ({c.get('worker_class', 'gthread' if c.get('threads', 1) > 1 else 'sync')})\")")
echo "machine: $(nproc) cores; gunicorn: $workers; $USERS users arriving $RATE a second, then ${DURATION} s measured"
( while sleep 5; do cut -d' ' -f1 /proc/loadavg; done ) > var/load-loadavg.txt &
sampler=$!
# The locustfile stops the run DURATION s after the last user is ready; -t is only a backstop.
TIMEFORMAT="%U %S"
{ time MEASURED_SECONDS=$DURATION var/locust-venv/bin/locust -f benchmarks/locustfile.py \
  --headless -u "$USERS" -r "$RATE" -t "$(( DURATION + 300 ))s" \
  --host "http://127.0.0.1:$PORT" --csv var/load --only-summary --loglevel WARNING \
  > var/load-locust.txt 2>&1 || true; } 2> var/load-locust-cpu.txt  # exit 1: a request failed
kill $sampler
# CPU time of the server's processes (workers still running) and of locust, to tell the app's
# own use of the two cores from the other work on the machine.
cpu() { ps -o times= -p "$(echo "$@" | tr ' ' ',')" 2>/dev/null | awk '{s += $1} END {print s + 0}'; }
echo "CPU seconds used: gunicorn $(cpu $server $(pgrep -P $server)), locust $(awk '{print $1 + $2}' var/load-locust-cpu.txt) (whole run, arrival included)"
grep -v "users ready" var/load-locust.txt | tail -40
grep "users ready" var/load-locust.txt || echo "not every user got ready"
echo "load average (1 min) while running: $(sort -n var/load-loadavg.txt | head -1)–$(sort -n var/load-loadavg.txt | tail -1)"
python3 - <<'PY'
import csv
rows = list(csv.DictReader(open("var/load_stats.csv")))
print(f"\n{'request':28} {'count':>6} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7}")
for row in rows:
    if row["Request Count"] == "0":  # only met while the users arrived
        continue
    print(f"{row['Name']:28} {row['Request Count']:>6} {row['Failure Count']:>6} "
          f"{row['50%']:>7} {row['95%']:>7}")
PY
