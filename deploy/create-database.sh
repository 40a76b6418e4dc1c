#!/usr/bin/env bash
# Creates the OPD queue's database and its user on this machine's MariaDB (run as root, e.g. on Debian
# after `apt-get install mariadb-server`, where root logs in to MariaDB through the unix socket).
#   OPD_DB_PASSWORD='…' deploy/create-database.sh [database] [user] [host the app connects from]
set -euo pipefail
db=${1:-opd}
user=${2:-opd}
from=${3:-localhost}
: "${OPD_DB_PASSWORD:?set OPD_DB_PASSWORD to the password the app will use}"
[[ $db =~ ^[A-Za-z0-9_]+$ && $user =~ ^[A-Za-z0-9_]+$ && $from =~ ^[A-Za-z0-9_.%-]+$ ]] \
  || { echo "database, user and host may hold only letters, digits, _ . % -" >&2; exit 2; }
password=${OPD_DB_PASSWORD//\\/\\\\}
password=${password//\'/\\\'}
mariadb --user=root <<SQL
CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$user'@'$from' IDENTIFIED BY '$password';
GRANT ALL ON \`$db\`.* TO '$user'@'$from';
SQL
echo "database $db and user $user@$from are ready"
