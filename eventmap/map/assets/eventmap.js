/* eventmap: draws one map's data (layers, base map and its names, legend, dates, search).
 *
 * eventmap/render.py writes the data as JSON in a script element of type application/json
 * and calls eventmapMount(map, data, {prefix: ..., id: ...}) once per map; any number of
 * maps share a page. Text from articles only ever reaches the page through textContent
 * or createTextNode, never as markup.
 * Written for eventmap, MIT licence.
 */
(function () {
  "use strict";
  if (window.eventmapMount) return;

  var DAY = 86400000;
  var RING_MIN_PX = 3;  // an uncertainty circle smaller than this on screen is left out
  var CLUSTER_OFF_ZOOM = 10;  // from here in, places a few kilometres apart stand apart
  var NARROW_PX = 600;  // a map narrower than this (a phone) starts with its legend folded
  // Capitals named at each zoom: the populous ones first, all of them from zoom 6.
  var CAPITAL_POPULATION = [Infinity, Infinity, Infinity, 3000000, 1000000, 250000, 0];
  var PANES = [["eventmapBase", 250, false], ["eventmapLabels", 380, false],
    ["eventmapContext", 385, true], ["eventmapPlaceAreas", 390, true],
    ["eventmapPlacePoints", 640, true], ["eventmapPoints", 650, true],
    ["eventmapPlaceLabels", 660, false]];
  var FOLD = {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ı": "i", "ß": "ss", "æ": "ae",
    "œ": "oe", "þ": "th"};

  function el(tag, cls, text, parent) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (parent) parent.appendChild(e);
    return e;
  }
  function text(parent, s) { parent.appendChild(document.createTextNode(s)); }
  // The same folding as render.search_key: lower case, no accents, hyphens as spaces.
  function fold(s) {
    return String(s).toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "")
      .replace(/[łøđðıßæœþ]/g, function (c) { return FOLD[c]; })
      .replace(/[ʻʼ'’‘`]/g, "").replace(/-/g, " ").replace(/\s+/g, " ").trim();
  }
  function km(r) { return r >= 10 ? r.toFixed(0) : r.toFixed(1).replace(/\.0$/, ""); }
  function dayOf(iso) {
    var p = iso.split("-");
    return Math.round(Date.UTC(+p[0], +p[1] - 1, +p[2]) / DAY);
  }
  function isoOf(day) { return new Date(day * DAY).toISOString().slice(0, 10); }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }
  function link(parent, cls, label, href) {
    var a = el("a", cls, label, parent);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }
  function overlaps(a, b) { return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]; }

  window.eventmapMount = function (map, data, opts) {
    var P = (opts && opts.prefix) || "em";
    var places = data.places, cites = data.citations, articles = data.articles;
    var quotes = data.quotes, popupWidth = data.popup_max_width || 420;
    var state = {map: map, data: data, layers: [], ready: false, range: null};
    var container = map.getContainer();
    // Clustering needs a top zoom, which a map without tiles does not have.
    if (map.getMaxZoom() === Infinity) map.setMaxZoom(18);
    // Each zoom level is a clustering pass over every marker: skip those nobody needs
    // (below 2 the world repeats; from CLUSTER_OFF_ZOOM on, markers are not clustered).
    if (!map.options.minZoom) map.setMinZoom(2);

    function narrow() { return map.getSize().x < NARROW_PX; }
    L.DomUtil.addClass(container, P + "-map");
    if (narrow()) L.DomUtil.addClass(container, P + "-narrow");

    // The view first, without animation, so that clusters are made for it once.
    // A margin of a tenth of the map keeps the events off its edges and its controls.
    var margin = [Math.max(30, map.getSize().x / 10), Math.max(30, map.getSize().y / 10)];
    if (data.bounds) map.fitBounds(data.bounds, {padding: margin, maxZoom: 10, animate: false});
    else map.setView([20, 0], 2, {animate: false});
    PANES.forEach(function (p) {
      if (!map.getPane(p[0])) {
        var pane = map.createPane(p[0]);
        pane.style.zIndex = p[1];
        if (!p[2]) pane.style.pointerEvents = "none";
      }
    });
    (data.base || []).forEach(function (b) {
      var style = b.style;
      L.geoJSON(b.feature, {style: function () { return style; }, interactive: false,
        pane: "eventmapBase"}).addTo(map);
    });

    function labelOf(pl) { return pl[14] || pl[1]; }
    function precisionText(pl) {
      return pl[3] + (pl[6] !== null && pl[6] !== undefined ? " ± " + km(pl[6]) + " km" : "");
    }

    // --- popups: a source note per place ------------------------------------------------
    function citationItem(index, parent) {
      var c = cites[index], a = articles[c[0]];
      var li = el("li", P + "-cite", null, parent);
      var head = el("div", P + "-source", null, li);
      var name = a[1] || a[0].split("/").pop();
      if (a[2]) link(head, P + "-title", name, a[2]);
      else if (a[3]) link(head, P + "-title", name, a[3]);
      else el("span", P + "-title", name, head);
      var when = c[4] ? c[4] + (c[5] === "sentence" ? ", from the sentence" :
        c[5] === "article" ? ", article date" : "") : "date unknown";
      text(head, " · ");
      el("span", P + "-date", when, head);
      var q = el("blockquote", P + "-quote", null, li), said = quotes[c[1]];
      if (c[2] >= 0 && c[3] > c[2]) {
        text(q, said.slice(0, c[2]));
        el("mark", null, said.slice(c[2], c[3]), q);
        text(q, said.slice(c[3]));
      } else {
        q.textContent = said;
      }
      if (c[6] || c[7]) {
        var ev = el("div", P + "-event", null, li);
        if (c[6]) {
          text(ev, "Event: ");
          el("span", P + "-event-type", c[6], ev);
          if (c[7]) text(ev, " (“" + c[7] + "”)");
        } else {
          text(ev, "Trigger: “" + c[7] + "”");
        }
      }
      if (c[8]) el("div", P + "-note", "Note: " + c[8], li);
      if (a[1] && !a[2]) el("div", P + "-article", a[0], li);
    }

    function detailsNode(pl, pr, parent) {
      var box = el("details", P + "-details", null, parent);
      el("summary", null, "details", box);
      var table = el("table", null, null, box);
      var rows = [["In GeoNames", pl[1]], ["Precision", precisionText(pl)],
        ["Country", pl[2] || "none"], ["Point", pl[4].toFixed(4) + ", " + pl[5].toFixed(4)],
        ["Gazetteer id", pl[0]], ["Source", pl[8]],
        ["Geocoding confidence", pl[7].toFixed(2)], ["Layer confidence", pr.confidence.toFixed(2)]];
      rows.forEach(function (r) {
        var tr = el("tr", null, null, table);
        el("th", null, r[0], tr);
        el("td", null, r[1], tr);
      });
      if (pl[9]) el("p", P + "-reason", pl[9], box);
      if (pl[10].length) {
        var alts = el("div", P + "-alts", "Chosen over:", box), ul = el("ul", null, null, alts);
        pl[10].forEach(function (a) {
          el("li", null, a[0] + (a[1] ? " (" + a[1] + ")" : "") + (a[2] ? ": " + a[2] : ""), ul);
        });
        if (pl[11] > 0) el("li", null, "and " + pl[11] + " more", ul);
      }
    }

    function popupNode(f) {
      var pr = f.properties, pl = places[pr.place], layer = state.layers[pr.layer];
      var root = el("div", P + "-popup");
      el("h4", P + "-name", labelOf(pl), root);
      var meta = el("div", P + "-meta", null, root);
      el("span", P + "-swatch", null, meta).style.background = layer.color;
      text(meta, layer.title + " · " + precisionText(pl));
      var ol = el("ol", P + "-sources", null, root);
      pr.cites.forEach(function (i) { citationItem(i, ol); });
      detailsNode(pl, pr, root);
      return root;
    }

    function showPopup(features, latlng) {
      var node;
      if (features.length === 1) {
        node = popupNode(features[0]);
      } else {
        node = el("div", P + "-popup-list");
        var one = features.every(function (f) {
          return f.properties.place === features[0].properties.place;
        });
        el("div", P + "-here", one ? "On " + features.length + " layers:" :
          features.length + " places here:", node);
        features.forEach(function (f) { node.appendChild(popupNode(f)); });
      }
      // The note scrolls inside the map, also once "details" are unfolded.
      var height = Math.max(160, Math.min(420, map.getSize().y - 90));
      node.style.maxHeight = height + "px";
      node.style.overflowY = "auto";
      var popup = L.popup({maxWidth: Math.min(popupWidth, map.getSize().x - 50),
        autoPanPadding: [10, 10]}).setLatLng(latlng).setContent(node).openOn(map);
      node.querySelectorAll("details").forEach(function (d) {
        d.addEventListener("toggle", function () { popup.update(); });
      });
    }

    // Everything drawn under a point of the map, in every layer shown: SVG gives a click
    // only to the topmost shape, so a strike inside an airspace would hide the airspace.
    function featuresAt(latlng) {
      var p = map.latLngToLayerPoint(latlng), found = [];
      state.layers.forEach(function (e) {
        if (!map.hasLayer(e.group)) return;
        e.points.forEach(function (m) {
          if (m._map && m._containsPoint && m._containsPoint(p)) found.push(m.feature);
        });
        e.shapes.slice().reverse().forEach(function (s) {
          if (s._map && s._containsPoint && s._containsPoint(p)) found.push(s.feature);
        });
      });
      return found;
    }
    function onFeatureClick(e) {
      var f = e.layer.feature, hits = featuresAt(e.latlng).filter(function (h) {
        return h !== f;
      });
      hits.unshift(f);  // what was clicked comes first
      showPopup(hits, e.latlng);
    }
    // A name on hover, unless the map already writes it beside the place.
    function addTooltip(e) {
      var layer = e.layer, f = layer.feature;
      var named = f.label && f.label.node && f.label.node.style.display !== "none";
      if (named) {
        if (layer.getTooltip()) layer.unbindTooltip();
      } else if (!layer.getTooltip()) {
        layer.bindTooltip(el("span", null, labelOf(places[f.properties.place])));
        layer.openTooltip(e.latlng);
      }
    }

    // --- layers -------------------------------------------------------------------------
    var index = [];
    data.layers.forEach(function (def, li) {
      var color = def.color, context = !!def.context;
      var pointPane = def["default"] ? "eventmapPlacePoints" : "eventmapPoints";
      var areaPane = context ? "eventmapContext" :
        def["default"] ? "eventmapPlaceAreas" : "overlayPane";
      var group = L.featureGroup(), areas = L.featureGroup(), circles = L.featureGroup();
      var cluster = L.markerClusterGroup({
        clusterPane: pointPane, maxClusterRadius: 30, showCoverageOnHover: false,
        spiderfyOnMaxZoom: false, removeOutsideVisibleBounds: true,
        disableClusteringAtZoom: CLUSTER_OFF_ZOOM,
        iconCreateFunction: function (c) {
          var span = el("span", null, c.getChildCount());
          span.style.background = color;
          return L.divIcon({html: span, className: P + "-cluster", iconSize: L.point(30, 30)});
        }
      });
      var entry = {id: def.id, title: def.title, color: color, context: context, def: def,
        group: group, cluster: cluster, areas: areas, circles: circles, points: [], shapes: [],
        rings: [], features: []};
      state.layers.push(entry);
      var pointOpts = context ?
        {radius: 5, color: "#666666", weight: 1.5, fillColor: "#ffffff", fillOpacity: 0.6,
          pane: pointPane} :
        {radius: 7, color: "#222222", weight: 1.5, fillColor: color, fillOpacity: 0.9,
          pane: pointPane};
      var ringPane = def["default"] ? "eventmapPlaceAreas" : "overlayPane";
      var areaFeatures = [];
      def.items.forEach(function (item) {
        var pl = places[item[0]], dates = {};
        // Each date as the days it covers (a day, a month or a year), as the data gives them.
        item[2].forEach(function (i) {
          var span = data.days[i];
          if (span) dates[span[0] + "/" + span[1]] = span;
        });
        var spans = Object.keys(dates).sort().map(function (k) { return dates[k]; });
        var f = {type: "Feature", properties: {place: item[0], layer: li, confidence: item[1],
          cites: item[2], dates: spans}, geometry: pl[12]};
        entry.features.push(f);
        index.push({key: pl[15] || "\n" + fold(pl[1]), feature: f, entry: entry, layer: null});
        if (pl[12]) { areaFeatures.push(f); return; }
        // Points skip L.geoJSON: at 100,000 places its per-feature work is noticeable.
        var latlng = L.latLng(pl[4], pl[5]), marker = L.circleMarker(latlng, pointOpts);
        marker.feature = f;
        f.shape = marker;
        index[index.length - 1].layer = marker;
        entry.points.push(marker);
        if (pl[6] && !context) {
          var ring = L.circle(latlng, {radius: pl[6] * 1000, color: color, weight: 1,
            opacity: 0.6, dashArray: "6 4", fill: true, fillColor: color, fillOpacity: 0.08,
            interactive: false, pane: ringPane});
          ring.feature = f;
          entry.rings.push(ring);
        }
      });
      var style = context ? function () {
        // Context is an outline: transparent inside (still clickable), never a grey slab.
        return {color: "#666666", weight: 1.2, opacity: 0.8, dashArray: "4 3", fill: true,
          fillColor: "#ffffff", fillOpacity: 0};
      } : function (f) {
        var s = data.area_styles[places[f.properties.place][3]];
        return {color: color, weight: 2, opacity: 0.9, fillColor: color,
          fillOpacity: s[0], dashArray: s[1] || null};
      };
      L.geoJSON({type: "FeatureCollection", features: areaFeatures}, {
        style: style, pane: areaPane,
        onEachFeature: function (f, layer) { entry.shapes.push(layer); f.shape = layer; }
      }).clearLayers();
      // Largest areas first, so that smaller ones stay on top and clickable.
      entry.shapes.sort(function (a, b) {
        return places[b.feature.properties.place][13] - places[a.feature.properties.place][13];
      });
      entry.shapes.forEach(function (s) { areas.addLayer(s); });
      cluster.addLayers(entry.points);
      group.addLayer(areas).addLayer(circles).addLayer(cluster);
      [areas, cluster].forEach(function (g) {
        g.on("click", onFeatureClick);
        g.on("mouseover", addTooltip);
      });
      // Countries named in passing wait for the reader to ask for them.
      if (!context) group.addTo(map);
    });

    // Uncertainty circles: only those in the date range and big enough to see.
    function syncRings() {
      var metres = 40075016.686 / Math.pow(2, map.getZoom() + 8);
      state.layers.forEach(function (e) {
        e.rings.forEach(function (r) {
          var px = r.getRadius() / (metres * Math.cos(r.getLatLng().lat * Math.PI / 180));
          var want = px >= RING_MIN_PX && shown(r.feature), has = e.circles.hasLayer(r);
          if (want && !has) e.circles.addLayer(r);
          else if (!want && has) e.circles.removeLayer(r);
        });
      });
    }
    // An online basemap the user asked for (--tiles): drawn above our own land and
    // borders, so where tiles do not load (offline, blocked) the map is still whole.
    var tiles = null;
    if (data.tiles) {
      if (!map.getPane("eventmapTiles")) {
        var tilePane = map.createPane("eventmapTiles");
        tilePane.style.zIndex = 260;
        tilePane.style.pointerEvents = "none";
      }
      tiles = L.tileLayer(data.tiles.url, {attribution: data.tiles.attribution,
        maxZoom: data.tiles.max_zoom || 18, pane: "eventmapTiles"}).addTo(map);
    }
    map.attributionControl.addAttribution("GeoNames, Natural Earth");

    function shown(f) {
      var r = state.range, d = f.properties.dates;
      if (!r || !d.length) return true;
      // A day, month or year is shown when its days meet the range ("2023-07" covers
      // "2023-07-01" to "2023-07-31").
      for (var i = 0; i < d.length; i++) if (d[i][0] <= r[1] && d[i][1] >= r[0]) return true;
      return false;
    }

    // --- legend: layers with their counts (a checkbox each), dates, credits ------------------
    var counts = [];
    function updateCounts() {
      state.layers.forEach(function (e, i) {
        var total = e.features.length, n = e.features.filter(shown).length;
        counts[i].textContent = " (" + (n === total ? plural(total, "place", "places") :
          n + " of " + plural(total, "place", "places")) + ")";
      });
    }
    function setShown(entry, on) {
      if (on && !map.hasLayer(entry.group)) map.addLayer(entry.group);
      if (!on && map.hasLayer(entry.group)) map.removeLayer(entry.group);
      entry.checkbox.checked = on;
      scheduleLabels();
    }
    var legend = L.control({position: "topright"});
    legend.onAdd = function () {
      var box = el("div", P + "-legend");
      var toggle = el("button", P + "-toggle", "Legend", box);
      toggle.type = "button";
      var body = el("div", P + "-legend-body", null, box);
      el("h3", null, data.title, body);
      var ul = el("ul", P + "-layers", null, body);
      if (!data.layers.length) el("li", null, "No places found.", ul);
      state.layers.forEach(function (e) {
        var li = el("li", e.context ? P + "-context" : null, null, ul);
        var label = el("label", null, null, li), input = el("input", null, null, label);
        input.type = "checkbox";
        input.checked = !e.context;
        e.checkbox = input;
        input.addEventListener("change", function () { setShown(e, input.checked); });
        var sw = el("span", P + "-swatch", null, label);
        if (e.context) sw.className += " " + P + "-swatch-outline";
        else sw.style.background = e.color;
        el("span", P + "-layer-title", e.title, label);
        counts.push(el("span", P + "-count", null, label));
      });
      if (tiles) {
        var tl = el("label", null, null, el("li", null, null, ul));
        var tin = el("input", null, null, tl);
        tin.type = "checkbox";
        tin.checked = true;
        tin.addEventListener("change", function () {
          if (tin.checked) map.addLayer(tiles); else map.removeLayer(tiles);
        });
        el("span", P + "-layer-title", data.tiles.name, tl);
      }
      if (data.time) body.appendChild(timeBox());
      el("div", P + "-credit", data.attribution, body);
      function setFolded(closed) {
        L.DomUtil[closed ? "addClass" : "removeClass"](box, P + "-collapsed");
        toggle.setAttribute("aria-expanded", closed ? "false" : "true");
        toggle.textContent = closed ? "Legend ▸" : "Legend ▾";
      }
      setFolded(narrow());
      toggle.addEventListener("click", function () {
        setFolded(!L.DomUtil.hasClass(box, P + "-collapsed"));
      });
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };

    state.setRange = function (from, to) {
      state.range = from === null ? null : [from, to];
      state.layers.forEach(function (e) {
        e.cluster.clearLayers();
        e.cluster.addLayers(e.points.filter(function (m) { return shown(m.feature); }));
        e.shapes.forEach(function (l) {
          var want = shown(l.feature), has = e.areas.hasLayer(l);
          if (want && !has) e.areas.addLayer(l);
          else if (!want && has) e.areas.removeLayer(l);
        });
        // Re-added areas go on top: restore largest-first.
        e.shapes.forEach(function (l) { if (e.areas.hasLayer(l) && l._map) l.bringToFront(); });
      });
      syncRings();
      updateCounts();
      scheduleLabels();
    };

    // Time slider: from/to over the span of event dates; undated places always show.
    function timeBox() {
      var lo = dayOf(data.time[0]), hi = dayOf(data.time[1]);
      var box = el("div", P + "-time");
      el("div", P + "-time-title", "Dates shown", box);
      var label = el("div", P + "-time-label", null, box);
      var inputs = ["from", "to"].map(function (name, i) {
        var input = el("input", P + "-" + name, null, box);
        input.type = "range";
        input.min = "0";
        input.max = String(hi - lo);
        input.step = "1";
        input.value = i ? String(hi - lo) : "0";
        input.setAttribute("aria-label", "Show events " + name);
        return input;
      });
      var timer = null;
      function update() {
        var a = +inputs[0].value, b = +inputs[1].value;
        if (a > b) {  // the handles cannot cross: the other one moves along
          if (this === inputs[0]) inputs[1].value = String(a);
          else inputs[0].value = String(b);
        }
        a = +inputs[0].value; b = +inputs[1].value;
        label.textContent = isoOf(lo + a) + " to " + isoOf(lo + b);
        clearTimeout(timer);
        timer = setTimeout(function () {
          state.setRange(isoOf(lo + a), isoOf(lo + b));
        }, 60);
      }
      inputs.forEach(function (input) { input.addEventListener("input", update); });
      label.textContent = data.time[0] + " to " + data.time[1];
      el("div", P + "-time-note", "Places without a date always show.", box);
      return box;
    }

    // --- names on the map: our places first, then countries, then capitals --------------------
    var labelPane = map.getPane("eventmapLabels"), ownPane = map.getPane("eventmapPlaceLabels");
    var baseLabels = (data.labels || []).map(function (l) {
      return {name: l[0], latlng: L.latLng(l[1], l[2]), kind: l[3], size: l[4], node: null};
    });
    var labelsOn = [];
    // Names are made when first needed, and measured all together: one layout for all
    // of them rather than one per name.
    function makeLabels(wanted) {
      var fresh = wanted.filter(function (w) { return !w[0].node; });
      fresh.forEach(function (w) { w[0].node = el("div", P + "-label " + w[2], w[0].name, w[1]); });
      fresh.forEach(function (w) { w[0].w = w[0].node.offsetWidth; w[0].h = w[0].node.offsetHeight; });
      fresh.forEach(function (w) { w[0].node.style.display = "none"; });
    }
    function layoutLabels() {
      var zoom = map.getZoom(), size = map.getSize();
      var view = [0, 0, size.x, size.y], taken = [], shownNow = [];
      var scale = 256 * Math.pow(2, zoom) / 360;
      var own = [], origin = container.getBoundingClientRect();
      // No name under the map's own controls (legend, search, zoom, scale).
      container.querySelectorAll(".leaflet-control").forEach(function (c) {
        var r = c.getBoundingClientRect();
        if (r.width) {
          taken.push([r.left - origin.left, r.top - origin.top, r.right - origin.left,
            r.bottom - origin.top]);
        }
      });
      state.layers.forEach(function (e) {
        if (!map.hasLayer(e.group)) return;
        e.cluster._featureGroup.eachLayer(function (c) {  // the cluster bubbles drawn now
          if (!c.getChildCount) return;
          var cp = map.latLngToContainerPoint(c.getLatLng());
          taken.push([cp.x - 16, cp.y - 16, cp.x + 16, cp.y + 16]);
        });
        if (e.context) return;
        e.points.forEach(function (m) {
          if (!m._map) return;
          var cp = map.latLngToContainerPoint(m.getLatLng());
          taken.push([cp.x - 8, cp.y - 8, cp.x + 8, cp.y + 8]);
          own.push({f: m.feature, cp: cp, anchor: "right", weight: m.feature.properties.cites.length});
        });
        e.shapes.forEach(function (s) {
          var pl = places[s.feature.properties.place];
          if (!s._map || pl[3] === "country") return;
          var b = s.getBounds(), nw = map.latLngToContainerPoint(b.getNorthWest());
          var se = map.latLngToContainerPoint(b.getSouthEast());
          if (se.x - nw.x < 40) return;  // too small to name at this zoom
          own.push({f: s.feature, cp: map.latLngToContainerPoint([pl[4], pl[5]]),
            anchor: "centre", weight: 0});
        });
      });
      own.sort(function (a, b) { return b.weight - a.weight; });
      function place(lab, cp, anchor) {
        var x = anchor === "right" ? cp.x + 10 : anchor === "left" ? cp.x - 10 - lab.w :
          anchor === "dot" ? cp.x - 3 : cp.x - lab.w / 2;
        var y = cp.y - lab.h / 2;
        var box = [x - 2, y - 1, x + lab.w + 2, y + lab.h + 1];
        if (box[0] < view[0] || box[1] < view[1] || box[2] > view[2] || box[3] > view[3]) {
          return false;  // a name cut by the map's edge reads as another name
        }
        for (var i = 0; i < taken.length; i++) if (overlaps(box, taken[i])) return false;
        taken.push(box);
        var lp = map.containerPointToLayerPoint([x, y]);
        L.DomUtil.setPosition(lab.node, lp);
        lab.node.style.display = "";
        shownNow.push(lab);
        return true;
      }
      labelsOn.forEach(function (lab) { lab.node.style.display = "none"; });
      var wanted = [], base = [];
      own.forEach(function (o) {
        var f = o.f;
        if (!f.label) f.label = {name: labelOf(places[f.properties.place]), node: null};
        wanted.push([f.label, ownPane, P + "-label-place"]);
      });
      baseLabels.forEach(function (lab) {
        var cp = map.latLngToContainerPoint(lab.latlng);
        if (cp.x < -200 || cp.y < -50 || cp.x > size.x + 200 || cp.y > size.y + 50) return;
        var capital = lab.kind === "capital";
        if (capital && lab.size < CAPITAL_POPULATION[Math.min(zoom, CAPITAL_POPULATION.length - 1)]) {
          return;
        }
        base.push([lab, cp]);
        wanted.push([lab, labelPane, P + (capital ? "-label-capital" : "-label-country")]);
      });
      makeLabels(wanted);
      var named = {};  // a place on two layers is named once
      own.forEach(function (o) {
        var f = o.f;
        if (named[f.properties.place]) return;
        // A point's name goes to its right, or to its left where the right is taken.
        if (place(f.label, o.cp, o.anchor) ||
            (o.anchor === "right" && place(f.label, o.cp, "left"))) {
          named[f.properties.place] = true;
        }
      });
      base.forEach(function (b) {
        var lab = b[0];
        if (lab.kind === "capital") place(lab, b[1], "dot");
        // A country is named only where it is about as wide as its name.
        else if (lab.size * scale >= lab.w * 0.8) place(lab, b[1], "centre");
      });
      labelsOn = shownNow;
    }
    var labelTimer = null;
    function scheduleLabels() {
      clearTimeout(labelTimer);
      labelTimer = setTimeout(function () { labelTimer = null; layoutLabels(); }, 40);
    }
    // The names shown now (for tests and snapshots): laid out first if a layout is due.
    state.labels = function () {
      if (labelTimer !== null) {
        clearTimeout(labelTimer);
        labelTimer = null;
        layoutLabels();
      }
      return labelsOn.map(function (lab) { return lab.name; });
    };

    // --- search: every name a place goes by, folded; Enter or a click opens one -----------------
    var search = L.control({position: "topleft"});
    search.onAdd = function () {
      var box = el("div", P + "-search");
      var input = el("input", P + "-search-input", null, box);
      input.type = "search";
      input.placeholder = "Find a place";
      input.setAttribute("aria-label", "Find a place");
      var list = el("ul", P + "-search-results", null, box);
      var found = [];
      function go(hit) {
        var layer = hit.layer || hit.feature.shape, e = hit.entry, f = hit.feature;
        list.textContent = "";
        if (!map.hasLayer(e.group)) setShown(e, true);
        if (layer.getLatLng && e.cluster.hasLayer(layer)) {
          e.cluster.zoomToShowLayer(layer, function () { showPopup([f], layer.getLatLng()); });
        } else if (layer.getLatLng) {
          map.setView(layer.getLatLng(), Math.max(map.getZoom(), 9));
          showPopup([f], layer.getLatLng());
        } else {
          map.fitBounds(layer.getBounds(), {maxZoom: 10});
          var pl = places[f.properties.place];
          showPopup([f], L.latLng(pl[4], pl[5]));
        }
      }
      input.addEventListener("input", function () {
        var q = fold(input.value);
        list.textContent = "";
        found = [];
        if (!q) return;
        var starts = [], within = [];
        for (var i = 0; i < index.length && starts.length < 8; i++) {
          var key = index[i].key;
          if (key.indexOf("\n" + q) >= 0) starts.push(index[i]);
          else if (key.indexOf(q) >= 0 && within.length < 8) within.push(index[i]);
        }
        found = starts.concat(within).slice(0, 8);
        if (!found.length) {
          el("li", P + "-search-none", "No place on this map matches “" + input.value.trim() +
            "”.", list);
          return;
        }
        found.forEach(function (hit) {
          var pl = places[hit.feature.properties.place], name = labelOf(pl);
          var li = el("li", null, null, list);
          el("span", P + "-hit-name", name, li);
          if (pl[1] !== name) el("span", P + "-hit-alias", " (" + pl[1] + ")", li);
          text(li, " — " + hit.entry.title);
          // Stopped here: the list is emptied by go(), and a click from a detached
          // element would reach the map as a click on the map, closing the popup.
          li.addEventListener("click", function (ev) { ev.stopPropagation(); go(hit); });
        });
      });
      input.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" && found.length) go(found[0]);
      });
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    search.addTo(map);
    legend.addTo(map);
    L.control.scale({position: "bottomright", imperial: false}).addTo(map);
    updateCounts();

    syncRings();
    map.on("zoomend", syncRings);
    map.on("zoomend moveend overlayadd overlayremove", scheduleLabels);
    state.layers.forEach(function (e) { e.cluster.on("animationend", scheduleLabels); });
    map.on("resize", function () {
      L.DomUtil[narrow() ? "addClass" : "removeClass"](container, P + "-narrow");
      scheduleLabels();
    });
    // Names come a moment after the map is ready: at 100,000 events laying them out
    // takes a quarter of a second the reader need not wait for.
    scheduleLabels();

    state.ready = true;
    window.eventmapMaps = window.eventmapMaps || {};
    window.eventmapMaps[(opts && opts.id) || container.id] = state;
    window.eventmapReady = true;
    window.eventmapReadyAt = window.performance ? performance.now() : null;
    return state;
  };
})();
