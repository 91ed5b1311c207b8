#!/usr/bin/env bash
# Refresh the JavaScript and CSS that eventmap inlines into every map page.
#
# The map must open with no network, so Leaflet is not loaded from a CDN but
# copied from its npm package into eventmap/map/assets/ (package data) and inlined
# by eventmap/map/render.py. Run from anywhere: scripts/vendor_assets.sh
# Needs npm. The files are copied byte for byte; render.py strips the
# source-map comment and escapes "</script" when it inlines them.
set -euo pipefail

LEAFLET_VERSION="${LEAFLET_VERSION:-1.9.4}"
MARKERCLUSTER_VERSION="${MARKERCLUSTER_VERSION:-1.5.3}"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest="$repo/eventmap/map/assets"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts \
    "leaflet@${LEAFLET_VERSION}" "leaflet.markercluster@${MARKERCLUSTER_VERSION}" >/dev/null

src="$work/node_modules/leaflet"
installed="$(node -p "require('$src/package.json').version")"
if [[ "$installed" != "$LEAFLET_VERSION" ]]; then
    echo "expected leaflet $LEAFLET_VERSION, npm gave $installed" >&2
    exit 1
fi

mc="$work/node_modules/leaflet.markercluster"
mc_installed="$(node -p "require('$mc/package.json').version")"
if [[ "$mc_installed" != "$MARKERCLUSTER_VERSION" ]]; then
    echo "expected leaflet.markercluster $MARKERCLUSTER_VERSION, npm gave $mc_installed" >&2
    exit 1
fi

mkdir -p "$dest"
cp "$src/dist/leaflet.js" "$dest/leaflet.js"
cp "$src/dist/leaflet.css" "$dest/leaflet.css"
cp "$src/LICENSE" "$dest/LICENSE.leaflet"
cp "$mc/dist/leaflet.markercluster.js" "$dest/leaflet.markercluster.js"
cp "$mc/dist/MarkerCluster.css" "$dest/MarkerCluster.css"
cp "$mc/dist/MarkerCluster.Default.css" "$dest/MarkerCluster.Default.css"
cp "$mc/MIT-LICENCE.txt" "$dest/LICENSE.markercluster"

# Inlined into a <script>/<style> element: these would end it early or change
# how the HTML parser reads it (render.py refuses such assets too).
for js in leaflet.js leaflet.markercluster.js; do
    if grep -qiE '<!--|<script' "$dest/$js"; then
        echo "$js contains '<!--' or '<script': inlining it is unsafe" >&2
        exit 1
    fi
done
for css in leaflet.css MarkerCluster.css MarkerCluster.Default.css; do
    if grep -qi '</style' "$dest/$css"; then
        echo "$css contains '</style': inlining it is unsafe" >&2
        exit 1
    fi
done

(cd "$dest" && sha256sum leaflet.js leaflet.css LICENSE.leaflet \
    leaflet.markercluster.js MarkerCluster.css MarkerCluster.Default.css LICENSE.markercluster)
echo "vendored leaflet $installed and leaflet.markercluster $mc_installed into $dest"
