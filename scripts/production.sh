#!/usr/bin/env bash
# `make production`: the production setup on this machine – PostgreSQL (started by
# scripts/postgres.sh), collected static files served by whitenoise, gunicorn, DEBUG off – with
# the demo municipality loaded. Plain HTTP on 127.0.0.1, so secure cookies are switched off
# here; a real deployment keeps them on (docs/deployment.md).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p var
if [ ! -s var/production-secret-key ]; then
  .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))' > var/production-secret-key
  chmod 600 var/production-secret-key
fi
SECRET_KEY="$(cat var/production-secret-key)"
export SECRET_KEY DEBUG=false STATIC_MANIFEST=true SECURE_COOKIES=false CACHE_DIR="$PWD/var/cache"
export DATABASE_URL="${PG_URL:-postgres://raaderum:raaderum@127.0.0.1:5432/raaderum}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
export DJANGO_SETTINGS_MODULE=raaderum.settings
.venv/bin/python manage.py collectstatic --noinput -v 0
.venv/bin/python manage.py migrate --noinput -v 0
# The demo logins (password "demo") are for trying this out on 127.0.0.1 only.
.venv/bin/python manage.py load_demo --allow-without-debug
exec .venv/bin/gunicorn --config deploy/gunicorn.conf.py raaderum.wsgi
