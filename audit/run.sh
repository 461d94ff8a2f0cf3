#!/usr/bin/env bash
# `make audit`: the site under production settings (gunicorn, minified and hashed static files,
# Redis cache) with the demo content on a throwaway SQLite database, audited by Lighthouse in
# Debian's Chromium: the home page, the post listing and a post, mobile and desktop.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
PORT="${AUDIT_PORT:-8765}"
WORK="$(mktemp -d -t oic-audit-XXXXXX)"
SERVER_PID=""

stop() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap stop EXIT

export DJANGO_SETTINGS_MODULE=oic_cms.settings.production
SECRET_KEY="$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')"
export SECRET_KEY
export DATABASE_URL="sqlite:///$WORK/audit.sqlite3"
export MEDIA_ROOT="$WORK/media"
export STATIC_ROOT="$WORK/static"
export ALLOWED_HOSTS=127.0.0.1
export WAGTAILADMIN_BASE_URL="http://127.0.0.1:$PORT"
# Redis database 15, flushed before use: nothing cached by another run changes the figures.
export REDIS_URL="${AUDIT_REDIS_URL:-redis://127.0.0.1:6379/15}"
# Plain HTTP on the loopback: no redirect to HTTPS, no HSTS for 127.0.0.1.
export SECURE_SSL_REDIRECT=false
export SECURE_HSTS_SECONDS=0
export LOG_LEVEL=WARNING

$PY -c 'import redis, os; redis.Redis.from_url(os.environ["REDIS_URL"]).flushdb()' \
    || { echo "make audit needs Redis at $REDIS_URL (production cache): apt-get install redis-server"; exit 1; }
$PY manage.py migrate --noinput -v0
$PY manage.py load_demo_content >/dev/null
$PY manage.py collectstatic --noinput -v0
POST_PATH="$($PY manage.py shell -c \
    'from blog.models import BlogPage; print(BlogPage.objects.live().public().order_by("-date").first().url)' \
    | tail -n 1)"

.venv/bin/gunicorn oic_cms.wsgi:application --bind "127.0.0.1:$PORT" --workers 2 \
    --access-logfile /dev/null --error-logfile "$WORK/gunicorn.log" &
SERVER_PID=$!
server_up() {
    $PY -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/', timeout=5)" 2>/dev/null
}
for _ in $(seq 120); do
    server_up && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.5
done
server_up || { echo "gunicorn did not answer on port $PORT:"; cat "$WORK/gunicorn.log"; exit 1; }
# Warm the caches (renditions, navigation, footer) as a live site has them.
for page in / /beitraege/ "$POST_PATH"; do
    $PY -c "import sys, urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT' + sys.argv[1], timeout=30)" "$page"
done

CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}" node audit/lighthouse.mjs "http://127.0.0.1:$PORT" \
    /@600 /beitraege/@600 "$POST_PATH@300"
