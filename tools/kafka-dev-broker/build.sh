#!/usr/bin/env bash
# Compiles the Kafka dev broker (a librdkafka mock cluster launcher) on first use.
# Output: tools/kafka-dev-broker/build/kafka-dev-broker (gitignored). Rebuilds only when the
# binary is missing or older than launcher.c or this script. Prints the binary's path on stdout.
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$dir/launcher.c"
out="$dir/build/kafka-dev-broker"
header=/usr/include/librdkafka/rdkafka_mock.h

if [ -x "$out" ] && [ "$out" -nt "$src" ] && [ "$out" -nt "${BASH_SOURCE[0]}" ]; then
  echo "$out"
  exit 0
fi

if [ ! -f "$header" ]; then
  echo "[kafka-dev-broker] $header not found: the dev broker needs librdkafka's mock cluster." >&2
  echo "[kafka-dev-broker] Install it with:  apt-get install -y librdkafka-dev gcc" >&2
  echo "[kafka-dev-broker] (or point KAFKA_BROKERS at a real Kafka, e.g. docker compose up -d kafka)" >&2
  exit 1
fi
cc="${CC:-gcc}"
if ! command -v "$cc" >/dev/null 2>&1; then
  echo "[kafka-dev-broker] no C compiler ($cc). Install it with:  apt-get install -y librdkafka-dev gcc" >&2
  exit 1
fi

mkdir -p "$dir/build"
tmp="$out.tmp.$$"
"$cc" -O2 -Wall -Wextra -std=gnu11 -pthread -o "$tmp" "$src" -lrdkafka
mv -f "$tmp" "$out"
echo "[kafka-dev-broker] built $out" >&2
echo "$out"
