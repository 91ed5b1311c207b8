#!/usr/bin/env bash
# Refresh the JavaScript and CSS that eventmap inlines into every map page.
#
# The map must open with no network, so Leaflet is not loaded from a CDN but
# copied from its npm package into eventmap/assets/ (package data) and inlined
# by eventmap/render.py. Run from anywhere: scripts/vendor_assets.sh
# Needs npm. The files are copied byte for byte; render.py strips the
# source-map comment and escapes "</script" when it inlines them.
set -euo pipefail

LEAFLET_VERSION="${LEAFLET_VERSION:-1.9.4}"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$repo/eventmap/assets"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts "leaflet@${LEAFLET_VERSION}" >/dev/null

src="$work/node_modules/leaflet"
installed="$(node -p "require('$src/package.json').version")"
if [[ "$installed" != "$LEAFLET_VERSION" ]]; then
    echo "expected leaflet $LEAFLET_VERSION, npm gave $installed" >&2
    exit 1
fi

mkdir -p "$dest"
cp "$src/dist/leaflet.js" "$dest/leaflet.js"
cp "$src/dist/leaflet.css" "$dest/leaflet.css"
cp "$src/LICENSE" "$dest/LICENSE.leaflet"

# Inlined into a <script>/<style> element: these would end it early or change
# how the HTML parser reads it (render.py refuses such assets too).
if grep -qiE '<!--|<script' "$dest/leaflet.js"; then
    echo "leaflet.js contains '<!--' or '<script': inlining it is unsafe" >&2
    exit 1
fi
if grep -qi '</style' "$dest/leaflet.css"; then
    echo "leaflet.css contains '</style': inlining it is unsafe" >&2
    exit 1
fi

(cd "$dest" && sha256sum leaflet.js leaflet.css LICENSE.leaflet)
echo "vendored leaflet $installed into $dest"
