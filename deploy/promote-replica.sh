#!/bin/sh
# Promotes the replica to primary after the primary is lost for good (README "Running more than one server",
# fail-over). Run on the replica's host as a MariaDB administrator:  sh promote-replica.sh [mariadb options]
# Before: make sure the old primary is really down and stays down (power it off, or stop mariadb and disable it),
# or both would take writes. The app nodes need no restart: their connection string lists both servers, and the
# first connection to this one moves the day's numbers on (journal: DATABASE_PROMOTED).
set -eu
# everything the primary acknowledged is in the relay log (semi-sync): the replica applies all of it first
mariadb "$@" -e "STOP SLAVE IO_THREAD"
until mariadb "$@" -N -e "SHOW SLAVE STATUS\G" | grep -q "Slave_SQL_Running_State: Slave has read all relay log"; do
    sleep 0.2
done
mariadb "$@" <<'SQL'
STOP SLAVE;
RESET SLAVE ALL;
SET GLOBAL read_only = OFF;
SELECT @@server_id AS promoted_server_id, @@gtid_current_pos AS gtid_position, @@read_only AS read_only;
SQL
echo "Promoted. Also set read_only = OFF in this server's configuration (replica.cnf) so that a restart keeps it."
