#!/usr/bin/env bash
# Runs crm-persistence-mybatis's integration tests against a three-node Galera cluster (Debian's MariaDB and
# Galera 4) on loopback ports, and prints the counts. Kept in the repository; not run by CI (it needs root for
# apt-get and a system user, and takes 10 to 30 minutes).
#
# usage (as root, Debian 12, from anywhere):
#   scripts/galera-it.sh [spread|single] [maven args...]
#     spread  (default) jdbc:mysql:loadbalance:// over the three nodes: each transaction may run on another node,
#             so writes are spread over the cluster (multi-writer Galera)
#     single  every connection to node 1 (single-writer Galera; nodes 2 and 3 still replicate and certify)
#   Extra arguments go to Maven, e.g. -Dit.test=StaffConcurrencyIT to run one class.
#
# Environment: GALERA_RETRY (spread only; default 5: the concurrency tests' Crm instances get
# RetryPolicy.attempts(5) through CRM_TEST_RETRY_ATTEMPTS, as a host writing to several nodes would configure; 0: none),
# GALERA_PORT_BASE (default 23300: SQL ports base+1..3, Galera base+11..13, IST base+21..23, SST
# base+31..33), GALERA_USER (default crmgalera, the system user the nodes run as), GALERA_KEEP=1 keeps the nodes'
# directory (logs) after the run.
#
# Every session runs with wsrep_sync_wait=15 (a read waits until the node has applied what the cluster committed
# before it: reads, UPDATE/DELETE, INSERT/REPLACE), so a transaction that moves to another node still reads its
# own earlier commits. The nodes stop when the script ends, however it ends (trap).
set -euo pipefail

MODE=spread
case "${1:-spread}" in
  spread|single) MODE=${1:-spread}; shift $(( $# > 0 ? 1 : 0 )) ;;
  -*) MODE=spread ;;
  *) echo "usage: $0 [spread|single] [maven args...]" >&2; exit 2 ;;
esac
REPO=$(cd "$(dirname "$0")/.." && pwd)
BASE=${GALERA_PORT_BASE:-23300}
RUN_USER=${GALERA_USER:-crmgalera}
DB=crmkit_test
DB_USER=crmkit_it
DB_PASSWORD=crmkit_it

if [[ $(id -u) -ne 0 ]]; then
  echo "run as root: it installs packages and starts the nodes under the system user $RUN_USER" >&2
  exit 2
fi

install_packages() {
  local need=()
  for p in mariadb-server galera-4 rsync; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || need+=("$p")
  done
  [[ ${#need[@]} -eq 0 ]] && return
  echo "== installing ${need[*]}"
  # keep the package's own server (port 3306) from starting: only this script's nodes run
  local own_policy=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && own_policy=1
  fi
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
  [[ $own_policy -eq 1 ]] && rm -f /usr/sbin/policy-rc.d
  return 0
}

install_packages
id -u "$RUN_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_USER"

WORK=$(mktemp -d /tmp/crmkit-galera.XXXXXX)
chmod 755 "$WORK"
PIDS=()

sql_port() { echo $((BASE + $1)); }
gcomm_port() { echo $((BASE + 10 + $1)); }
ist_port() { echo $((BASE + 20 + $1)); }
sst_port() { echo $((BASE + 30 + $1)); }
client() { local n=$1; shift; mariadb --no-defaults --socket="$WORK/n$n/mysqld.sock" -uroot -N -B "$@"; }

stop_nodes() {
  local n
  for n in 3 2 1; do
    [[ -S $WORK/n$n/mysqld.sock ]] && mariadb-admin --no-defaults --socket="$WORK/n$n/mysqld.sock" -uroot \
      --shutdown-timeout=60 shutdown >/dev/null 2>&1 || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
  done
  if [[ ${GALERA_KEEP:-0} == 1 ]]; then
    echo "== nodes stopped; their directories and logs stay in $WORK"
  else
    rm -rf "$WORK"
    echo "== nodes stopped"
  fi
}
trap stop_nodes EXIT
trap 'exit 130' INT TERM

cluster_address="gcomm://127.0.0.1:$(gcomm_port 1),127.0.0.1:$(gcomm_port 2),127.0.0.1:$(gcomm_port 3)"
for n in 1 2 3; do
  dir=$WORK/n$n
  mkdir -p "$dir/data" "$dir/tmp"
  cat > "$dir/my.cnf" <<EOF
[mysqld]
user=$RUN_USER
datadir=$dir/data
tmpdir=$dir/tmp
socket=$dir/mysqld.sock
pid-file=$dir/mysqld.pid
log-error=$dir/error.log
port=$(sql_port "$n")
bind-address=127.0.0.1
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
max_connections=300
default_storage_engine=InnoDB
innodb_buffer_pool_size=128M
innodb_flush_log_at_trx_commit=2
binlog_format=ROW
innodb_autoinc_lock_mode=2
wsrep_on=ON
wsrep_provider=/usr/lib/galera/libgalera_smm.so
wsrep_cluster_name=crmkit_it
wsrep_cluster_address=$cluster_address
wsrep_node_name=n$n
wsrep_node_address=127.0.0.1:$(gcomm_port "$n")
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$(gcomm_port "$n");ist.recv_addr=127.0.0.1:$(ist_port "$n");gcache.size=256M"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$(sst_port "$n")
EOF
  chown -R "$RUN_USER:" "$dir"
  mariadb-install-db --defaults-file="$dir/my.cnf" --user="$RUN_USER" --auth-root-authentication-method=socket \
    --skip-test-db >"$dir/install.log" 2>&1 || { cat "$dir/install.log"; exit 1; }
done

wait_synced() {
  local n=$1 state=""
  for _ in $(seq 1 180); do
    state=$(client "$n" -e "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | cut -f2 || true)
    [[ $state == Synced ]] && return 0
    sleep 1
  done
  echo "node $n not synced (state '$state'); its log:" >&2
  tail -n 40 "$WORK/n$n/error.log" >&2
  exit 1
}

for n in 1 2 3; do
  extra=()
  [[ $n -eq 1 ]] && extra=(--wsrep-new-cluster)
  echo "== starting node $n (SQL port $(sql_port "$n"))"
  setsid mariadbd --defaults-file="$WORK/n$n/my.cnf" "${extra[@]}" >/dev/null 2>&1 &
  PIDS+=($!)
  wait_synced "$n"
done
echo "== cluster size $(client 1 -e "SHOW STATUS LIKE 'wsrep_cluster_size'" | cut -f2), $(client 1 -e 'SELECT VERSION()')"

client 1 <<EOF
CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
CREATE USER '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'127.0.0.1' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'localhost' WITH GRANT OPTION;
EOF

params="useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true&sessionVariables=wsrep_sync_wait=15"
if [[ $MODE == spread ]]; then
  URL="jdbc:mysql:loadbalance://127.0.0.1:$(sql_port 1),127.0.0.1:$(sql_port 2),127.0.0.1:$(sql_port 3)/$DB?$params&ha.loadBalanceStrategy=random"
else
  URL="jdbc:mysql://127.0.0.1:$(sql_port 1)/$DB?$params"
fi
# the concurrency tests' Crm instances retry retriable conflicts as a host on multi-writer Galera would
# (RetryPolicy.attempts(n)); GALERA_RETRY=0 leaves them off, to see the raw conflicts
RETRY=${GALERA_RETRY:-5}
[[ $MODE == single || $RETRY == 0 ]] && RETRY=
echo "== running the adapter's integration tests ($MODE, retry attempts: ${RETRY:-none}): $URL"

cd "$REPO"
REPORTS=crm-persistence-mybatis/target/failsafe-reports
rm -rf "$REPORTS"
started=$(date +%s)
set +e
CRM_TEST_RETRY_ATTEMPTS=$RETRY CRM_TEST_JDBC_URL=$URL CRM_TEST_JDBC_USER=$DB_USER CRM_TEST_JDBC_PASSWORD=$DB_PASSWORD \
  ./mvnw -B -o -pl crm-core,crm-persistence-mybatis verify -DskipMariaDb1011 -Dtest=NoSuchTest \
  -Dsurefire.failIfNoSpecifiedTests=false -Dmaven.test.failure.ignore=true "$@" > "$WORK/maven.log" 2>&1
maven_rc=$?
set -e
echo "== Maven exit $maven_rc after $(( $(date +%s) - started )) s (log: $WORK/maven.log, kept with GALERA_KEEP=1)"
grep -E "Tests run:.*Fail|BUILD|ERROR\]" "$WORK/maven.log" | grep -v "^\[ERROR\]   " | tail -n 5 || true

python3 - "$REPORTS" "$MODE" <<'EOF'
import glob, sys, xml.etree.ElementTree as ET
reports, mode = sys.argv[1], sys.argv[2]
total = failed = errors = skipped = 0
bad = []
for f in sorted(glob.glob(reports + "/TEST-*.xml")):
    for case in ET.parse(f).getroot().iter("testcase"):
        total += 1
        if case.find("skipped") is not None:
            skipped += 1
        for kind in ("failure", "error"):
            for el in case.findall(kind):
                if kind == "failure":
                    failed += 1
                else:
                    errors += 1
                msg = (el.get("message") or el.get("type") or "").strip().splitlines()
                bad.append("%s.%s [%s] %s" % (case.get("classname", "").rsplit(".", 1)[-1], case.get("name"),
                                              kind, (msg[0] if msg else "")[:220]))
print("== Galera (%s): %d tests, %d failures, %d errors, %d skipped, %d passed"
      % (mode, total, failed, errors, skipped, total - failed - errors - skipped))
for line in bad:
    print("   " + line)
EOF
