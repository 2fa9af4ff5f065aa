#!/bin/sh
# Install the browser-test tools (W3C Nu HTML Checker and axe-core) with npm.
#
#   TIMELINE_NODE_DIR=/some/cache sh tests/browser/install.sh
#
# They go into $TIMELINE_NODE_DIR/node_modules (default: tests/.cache/node,
# which git ignores); tests/browser/tools.py looks in the same place.
# Needs node/npm; running vnu needs java; the browser tests need
# /usr/bin/chromium (or TIMELINE_CHROMIUM) and the Python playwright package.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
dir=${TIMELINE_NODE_DIR:-"$here/tests/.cache/node"}
mkdir -p "$dir"
cd "$dir"
[ -f package.json ] || printf '{"name":"timeline-browser-tests","private":true}\n' > package.json
npm install --no-audit --no-fund --no-save --loglevel=error vnu-jar axe-core
echo "installed into $dir/node_modules"
