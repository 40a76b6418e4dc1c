#!/usr/bin/env bash
# Creates the OPD queue's database and its users on this machine's MariaDB (run as root, e.g. on Debian
# after `apt-get install mariadb-server`, where root logs in to MariaDB through the unix socket).
#   OPD_DB_PASSWORD='…' OPD_DB_OWNER_PASSWORD='…' deploy/create-database.sh [database] [user] [host the app connects from]
# Two users: <user>_owner owns the schema (the app's Flyway migrations log in as it: QUARKUS_FLYWAY_USERNAME and
# QUARKUS_FLYWAY_PASSWORD), <user> is what the app runs as. Once the tables exist (after the first start), run
# this again: <user> then may only INSERT and SELECT the journal and its chain hashes (journal_seal), so nobody
# holding the app's password can change or delete what it recorded. Run it again after an upgrade that adds tables.
set -euo pipefail
db=${1:-opd}
user=${2:-opd}
from=${3:-localhost}
: "${OPD_DB_PASSWORD:?set OPD_DB_PASSWORD to the password the app will use}"
: "${OPD_DB_OWNER_PASSWORD:?set OPD_DB_OWNER_PASSWORD to the password of ${user}_owner, which runs the migrations}"
[[ $db =~ ^[A-Za-z0-9_]+$ && $user =~ ^[A-Za-z0-9_]+$ && $from =~ ^[A-Za-z0-9_.%-]+$ ]] \
  || { echo "database, user and host may hold only letters, digits, _ . % -" >&2; exit 2; }
quote() { local p=${1//\\/\\\\}; printf '%s' "${p//\'/\\\'}"; }
password=$(quote "$OPD_DB_PASSWORD")
owner_password=$(quote "$OPD_DB_OWNER_PASSWORD")
mariadb --user=root <<SQL
CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${user}_owner'@'$from' IDENTIFIED BY '$owner_password';
GRANT ALL ON \`$db\`.* TO '${user}_owner'@'$from';
CREATE USER IF NOT EXISTS '$user'@'$from' IDENTIFIED BY '$password';
GRANT SELECT, INSERT ON \`$db\`.* TO '$user'@'$from';
SQL
tables=$(mariadb --user=root --batch --skip-column-names -e "SELECT table_name FROM information_schema.tables
  WHERE table_schema = '$db' AND table_name NOT IN ('journal_entry', 'journal_seal', 'flyway_schema_history')")
if [[ -z $tables ]]; then
  # No tables yet: the app may change every row until this runs again after the first start.
  mariadb --user=root -e "GRANT UPDATE, DELETE ON \`$db\`.* TO '$user'@'$from'"
  echo "database $db, $user@$from and ${user}_owner@$from are ready; run this again after the first start"
  exit 0
fi
wide=$(mariadb --user=root --batch --skip-column-names -e "SELECT COUNT(*) FROM information_schema.schema_privileges
  WHERE grantee = \"'$user'@'$from'\" AND table_schema = '$db' AND privilege_type IN ('UPDATE', 'DELETE')")
# Before V43 the chain hashes were a column of journal_entry that the app filled in: once it is gone, so is the grant.
sealing=$(mariadb --user=root --batch --skip-column-names -e "SELECT COUNT(*) FROM mysql.columns_priv
  WHERE User = '$user' AND Host = '$from' AND Db = '$db' AND Table_name = 'journal_entry' AND NOT EXISTS
  (SELECT 1 FROM information_schema.columns WHERE table_schema = '$db' AND table_name = 'journal_entry'
   AND column_name = 'chain_hash')")
{
  [[ $wide == 0 ]] || echo "REVOKE UPDATE, DELETE ON \`$db\`.* FROM '$user'@'$from';"
  [[ $sealing == 0 ]] || echo "REVOKE UPDATE (chain_hash) ON \`$db\`.journal_entry FROM '$user'@'$from';"
  for table in $tables; do
    echo "GRANT UPDATE, DELETE ON \`$db\`.\`$table\` TO '$user'@'$from';"
  done
} | mariadb --user=root
echo "database $db is ready; $user@$from may only insert and read its journal and its seals"
