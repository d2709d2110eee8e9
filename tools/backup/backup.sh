#!/usr/bin/env bash
# Backs up MissionOps's databases with pg_dump: one custom-format file per database, and a manifest with each
# file's SHA-256, in a new folder. The services may keep running: each dump is one consistent snapshot of its
# database. The databases are dumped followers first (Liquidation, then Projects and Personnel, then Sites), so a
# restored follower never stands past the feed it follows: on restore it reads again what came after its position.
#
#   tools/backup/backup.sh FOLDER [DATABASE...]
#
# DATABASE defaults to liquidationdb projectsdb personneldb sitesdb. The connection is libpq's: PGHOST, PGPORT,
# PGUSER and PGPASSWORD (or ~/.pgpass), as for psql. See docs/reliability.md, "Backups".
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 FOLDER [DATABASE...]" >&2
  exit 2
fi
folder=$1
shift
databases=("$@")
[ ${#databases[@]} -gt 0 ] || databases=(liquidationdb projectsdb personneldb sitesdb)

if [ -e "$folder" ] && [ -n "$(ls -A "$folder" 2>/dev/null)" ]; then
  echo "$folder is not empty: a backup goes into a new folder" >&2
  exit 1
fi
mkdir -p "$folder"

manifest="$folder/MANIFEST"
{
  echo "# MissionOps backup, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(pg_dump --version)"
  echo "# server: $(psql -Atc 'show server_version' -d "${databases[0]}")"
} > "$manifest"
for database in "${databases[@]}"; do
  pg_dump --format=custom --no-owner --file="$folder/$database.dump" --dbname="$database"
  (cd "$folder" && sha256sum "$database.dump") >> "$manifest"
  echo "$database: $(du -h "$folder/$database.dump" | cut -f1)"
done
echo "backed up ${#databases[@]} database(s) into $folder"
