#!/usr/bin/env bash
# Back up OIC CMS: the PostgreSQL database (pg_dump custom format) and the uploaded media
# (a tar of MEDIA_ROOT), side by side in BACKUP_DIR under one time stamp.
#
#   DATABASE_URL=postgres://oic@localhost/oic MEDIA_ROOT=/srv/oic/media deploy/backup.sh
#
# Environment: DATABASE_URL (required), MEDIA_ROOT (required unless media are in a bucket:
# MEDIA_ROOT=none), BACKUP_DIR (default /var/backups/oic-cms), BACKUP_KEEP_DAYS (default 14;
# older backups in BACKUP_DIR are deleted, 0 keeps everything).
set -euo pipefail
umask 077

: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database, e.g. postgres://oic@localhost/oic}"
: "${MEDIA_ROOT:?MEDIA_ROOT must name the media folder (or be none when media live in a bucket)}"
BACKUP_DIR="${BACKUP_DIR:-/var/backups/oic-cms}"
BACKUP_KEEP_DAYS="${BACKUP_KEEP_DAYS:-14}"
case "$DATABASE_URL" in
    postgres://* | postgresql://*) ;;
    *) echo "backup.sh backs up PostgreSQL; DATABASE_URL is not a postgres:// URL" >&2; exit 2 ;;
esac

STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$BACKUP_DIR"
DATABASE_FILE="$BACKUP_DIR/oic-cms-$STAMP.dump"
MEDIA_FILE="$BACKUP_DIR/oic-cms-$STAMP.media.tar.gz"

# Written under a temporary name first, so that a half-written file is never taken for a backup.
pg_dump --format=custom --no-owner --no-privileges --file="$DATABASE_FILE.partial" "$DATABASE_URL"
mv "$DATABASE_FILE.partial" "$DATABASE_FILE"
echo "$DATABASE_FILE"

if [ "$MEDIA_ROOT" != none ]; then
    tar --create --gzip --file="$MEDIA_FILE.partial" --directory="$MEDIA_ROOT" .
    mv "$MEDIA_FILE.partial" "$MEDIA_FILE"
    echo "$MEDIA_FILE"
fi

if [ "$BACKUP_KEEP_DAYS" -gt 0 ]; then
    find "$BACKUP_DIR" -maxdepth 1 -name 'oic-cms-*' -type f -mtime "+$BACKUP_KEEP_DAYS" -delete
fi
