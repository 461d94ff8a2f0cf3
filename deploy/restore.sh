#!/usr/bin/env bash
# Restore OIC CMS from a backup made by deploy/backup.sh: the database dump into DATABASE_URL
# (existing tables are replaced) and, if given, the media archive into MEDIA_ROOT (the current
# folder is kept beside it as MEDIA_ROOT.before-restore-<time>).
#
#   DATABASE_URL=postgres://oic@localhost/oic MEDIA_ROOT=/srv/oic/media \
#       deploy/restore.sh /var/backups/oic-cms/oic-cms-20260101T030000Z.dump \
#                         /var/backups/oic-cms/oic-cms-20260101T030000Z.media.tar.gz
#
# Stop the web and worker services first; afterwards run `manage.py migrate` (if the code is
# newer than the backup) and start them again (see README, "Backups").
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database to restore into}"
DATABASE_FILE="${1:?usage: restore.sh DATABASE_DUMP [MEDIA_ARCHIVE]}"
MEDIA_FILE="${2:-}"
[ -r "$DATABASE_FILE" ] || { echo "cannot read $DATABASE_FILE" >&2; exit 2; }
if [ -n "$MEDIA_FILE" ]; then
    : "${MEDIA_ROOT:?MEDIA_ROOT must name the media folder to restore into}"
    [ -r "$MEDIA_FILE" ] || { echo "cannot read $MEDIA_FILE" >&2; exit 2; }
    # Fail before touching anything if the archive is damaged.
    tar --list --gzip --file="$MEDIA_FILE" >/dev/null
fi

pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction \
    --exit-on-error --dbname="$DATABASE_URL" "$DATABASE_FILE"
echo "database restored from $DATABASE_FILE"

if [ -n "$MEDIA_FILE" ]; then
    if [ -d "$MEDIA_ROOT" ] && [ -n "$(ls -A "$MEDIA_ROOT")" ]; then
        PREVIOUS="$MEDIA_ROOT.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
        mv "$MEDIA_ROOT" "$PREVIOUS"
        echo "previous media kept in $PREVIOUS"
    fi
    mkdir -p "$MEDIA_ROOT"
    tar --extract --gzip --file="$MEDIA_FILE" --directory="$MEDIA_ROOT"
    echo "media restored from $MEDIA_FILE into $MEDIA_ROOT"
fi
