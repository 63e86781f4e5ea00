#!/usr/bin/env bash
# The local single-node Kafka broker (KRaft, Maven Central jars): fetch | start | stop | status | reset
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
[ -x "$py" ] || py=python3
exec "$py" -m worker.devbroker "$@"
