#!/usr/bin/env bash
# Runs schemathesis (property-based API tests from PyPI) against a running shades-server,
# generated from the committed openapi.yaml. Loopback only; bounded in examples and time.
#
#   scripts/schemathesis.sh [PORT]
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-18080}"
python3 -c 'import schemathesis' 2>/dev/null || python3 -m pip install --quiet schemathesis
swift build -c release --product shades-server
.build/release/shades-server --port "$port" --log-level error &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
timeout 600 schemathesis run openapi.yaml --url "http://127.0.0.1:$port" --checks all --max-examples 50
