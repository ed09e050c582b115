#!/usr/bin/env bash
# Side-by-side benchmarks of marsad against offline-installable Arabic NLP peers.
# Usage: bash benchmarks/run.sh            (everything: venv, peers, build, speed, quality, table)
#        bash benchmarks/run.sh speed|quality|report   (one stage; needs a previous full run)
# Writes benchmarks/results/{environment,speed,quality}.json and benchmarks/results/table.md.
# Not part of CI. Uses one core (taskset -c 0) for every timed run; takes ~3–4 minutes (plus the first pip
# install, and the few minutes of the first scripts/build-dist.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=benchmarks/.venv
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install -q --disable-pip-version-check -r benchmarks/requirements.txt
command -v hunspell >/dev/null && [ -e /usr/share/hunspell/ar.dic ] \
    || echo "note: hunspell-ar is not installed (apt-get install hunspell hunspell-ar); it will be reported as failed" >&2
export MARSAD_BUILD=ok
# the distributed binary: fat LTO and the PGO profile of data/pgo (scripts/build-dist.sh)
if ! bash scripts/build-dist.sh >/dev/null; then
    # other work in progress can break the workspace build for a moment: measure the last binary, and say so
    [ -x "${CARGO_TARGET_DIR:-target}/dist/marsad" ] || exit 1
    echo "warning: scripts/build-dist.sh failed; measuring the existing target/dist/marsad" >&2
    export MARSAD_BUILD=failed
fi
PY="$VENV/bin/python"
stage="${1:-all}"
case "$stage" in
    all)     "$PY" benchmarks/bench.py prepare
             "$PY" benchmarks/bench.py env
             "$PY" benchmarks/bench.py speed
             "$PY" benchmarks/bench.py quality
             "$PY" benchmarks/bench.py report ;;
    *)       "$PY" benchmarks/bench.py "$stage" ;;
esac
