#!/usr/bin/env bash
# Real sites at the speed of the CPU (#20): HTML documentation nobody here generated, from Debian's packages,
# served by nginx on 127.0.0.1 (a config of its own in a temp folder, optionally 50 ms per response through the
# echo module), crawled in one run by wget and by every crawlcase mode, each a whole process (JVM start included),
# repetitions interleaved. Writes crawler/results/real-sites.json and .md (or --out FILE.json). Not part of the tests.
#
#   bash crawler/src/bench/sh/real-sites.sh [--quick] [--reps N] [--modes a,b] [--java PATH] [--out FILE.json]
#                                           [--variant 'LABEL=JVM FLAGS [OTHER.jar]']...
#
# Installs what is missing with apt-get (needs root): nginx, libnginx-mod-http-echo, wget, python3.11-doc (530
# large pages) and postgresql-doc-15 (1,169 smaller pages); builds crawler/target/crawler.jar if it is missing.
# Scenarios: python, python-50ms, postgres (--scenarios adds postgres-50ms). About 7 minutes on 2 quiet cores at
# the default 2 rounds (an estimate; 22 minutes on a loaded machine), half with --quick (one round). JAVA=PATH or
# --java picks the JVM (virtual needs 21+).
set -euo pipefail
cd "$(dirname "$0")/../../../.."

need=()
command -v nginx > /dev/null || need+=(nginx)
[ -e /usr/share/nginx/modules/ngx_http_echo_module.so ] || need+=(libnginx-mod-http-echo)
command -v wget > /dev/null || need+=(wget)
command -v python3 > /dev/null || need+=(python3)
[ -d /usr/share/doc/python3.11/html ] || need+=(python3.11-doc)
[ -d /usr/share/doc/postgresql-doc-15/html ] || need+=(postgresql-doc-15)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "real-sites: missing ${need[*]}; install them (apt-get install ${need[*]}) or run as root" >&2
    exit 2
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" > /dev/null
fi
[ -f crawler/target/crawler.jar ] || mvn -B -q package -DskipTests
exec python3 crawler/src/bench/sh/real-sites.py "$@"
