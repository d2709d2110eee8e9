#!/usr/bin/env bash
# Restores a backup made by backup.sh into a PostgreSQL server where its databases do not exist yet (a new
# cluster, or after dropping them): checks every file against the manifest first, then creates each database and
# restores it, stopping at the first error. Start the services afterwards; they find their schema migrated.
#
#   tools/backup/restore.sh FOLDER
#
# The connection is libpq's: PGHOST, PGPORT, PGUSER and PGPASSWORD (or ~/.pgpass), as for psql. The databases take
# the names they had; the services' connection strings must name them.
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 FOLDER" >&2
  exit 2
fi
folder=$1
[ -f "$folder/MANIFEST" ] || { echo "$folder has no MANIFEST: not a backup made by backup.sh" >&2; exit 1; }

(cd "$folder" && grep -v '^#' MANIFEST | sha256sum --check --quiet) || { echo "a file of $folder does not match its manifest" >&2; exit 1; }

for file in $(grep -v '^#' "$folder/MANIFEST" | awk '{print $2}'); do
  database=${file%.dump}
  if [ "$(psql -Atc "select count(*) from pg_database where datname = '$database'" -d postgres)" != "0" ]; then
    echo "$database exists already: restore into a server without it" >&2
    exit 1
  fi
  createdb "$database"
  pg_restore --exit-on-error --no-owner --dbname="$database" "$folder/$file"
  echo "$database restored"
done
