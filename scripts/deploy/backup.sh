#!/bin/sh
# One backup of the server's database into DIR (docs/deploy.md, "Backups"), while the server runs:
#   HP_DATABASE_URL=… scripts/deploy/backup.sh /var/backups/hausportal
# SQLite: sqlite3's online backup (.backup), checked with integrity_check, then gzip. PostgreSQL: pg_dump --format=custom.
# Uploaded files, logos and mails live in the database (table `files`, `outbox`), so this is everything but the
# environment file. Backups older than KEEP_DAYS (default 14) are deleted.
set -eu
dir=${1:?usage: HP_DATABASE_URL=… backup.sh DIR}
url=${HP_DATABASE_URL:?HP_DATABASE_URL is not set (the server default is data/hausportal.sqlite in the checkout)}
stamp=$(date -u +%Y%m%dT%H%M%S.%NZ)  # nanoseconds: two runs in one second keep both
mkdir -p "$dir"
case "$url" in
  postgres://* | postgresql://*)
    out="$dir/hausportal-$stamp.dump"
    pg_dump --format=custom --file="$out" "$url"
    pg_restore --list "$out" > /dev/null
    ;;
  *)
    file=${url#sqlite:}
    file=${file#//}
    out="$dir/hausportal-$stamp.sqlite"
    sqlite3 "$file" ".backup '$out'"
    check=$(sqlite3 "$out" 'pragma integrity_check')
    [ "$check" = ok ] || { echo "integrity_check of $out: $check" >&2; exit 1; }
    gzip "$out"
    out="$out.gz"
    ;;
esac
find "$dir" -maxdepth 1 -name 'hausportal-*' -mtime +"${KEEP_DAYS:-14}" -delete
ls -l "$out"
