/* eventmap: draws one map's data (layers, base map, legend, time slider, search).
 *
 * eventmap/render.py writes the data as JSON in a script element of type application/json
 * and calls eventmapMount(map, data, {prefix: ...}) once per map. Text from
 * articles only ever reaches the page through textContent or through escapeHtml
 * (Leaflet's layer control reads names as HTML), never as markup.
 * Written for eventmap, MIT licence.
 */
(function () {
  "use strict";
  if (window.eventmapMount) return;

  var DAY = 86400000;
  var RING_MIN_PX = 3;  // an uncertainty circle smaller than this on screen is left out
  var CLUSTER_OFF_ZOOM = 10;  // from here in, places a few kilometres apart stand apart
  var PANES = [["eventmapBase", 250, false], ["eventmapPlaceAreas", 390, true],
    ["eventmapPlacePoints", 640, true], ["eventmapPoints", 650, true]];

  function escapeHtml(s) {
    return String(s).replace(/[&<>"'`]/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }
  function el(tag, cls, text, parent) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (parent) parent.appendChild(e);
    return e;
  }
  function km(r) { return r >= 10 ? r.toFixed(0) : r.toFixed(1).replace(/\.0$/, ""); }
  function dayOf(iso) {
    var p = iso.split("-");
    return Math.round(Date.UTC(+p[0], +p[1] - 1, +p[2]) / DAY);
  }
  function isoOf(day) { return new Date(day * DAY).toISOString().slice(0, 10); }

  window.eventmapMount = function (map, data, opts) {
    var P = (opts && opts.prefix) || "em";
    var places = data.places, cites = data.citations, articles = data.articles;
    var quotes = data.quotes, popupWidth = data.popup_max_width || 420;
    var state = {map: map, data: data, layers: [], ready: false, range: null};
    // Clustering needs a top zoom, which a map without tiles does not have.
    if (map.getMaxZoom() === Infinity) map.setMaxZoom(18);
    // Each zoom level is a clustering pass over every marker: skip those nobody needs
    // (below 2 the world repeats; from CLUSTER_OFF_ZOOM on, markers are not clustered).
    if (!map.options.minZoom) map.setMinZoom(2);

    // The view first, without animation, so that clusters are made for it once.
    if (data.bounds) map.fitBounds(data.bounds, {padding: [20, 20], maxZoom: 10, animate: false});
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

    function citationItem(index, parent) {
      var c = cites[index], a = articles[c[0]];
      var li = el("li", P + "-cite", null, parent);
      el("b", null, a[1] || a[0], li);
      var when = c[4] ? c[4] + (c[5] === "sentence" ? ", from the sentence" :
        c[5] === "article" ? ", article date" : "") : "date unknown";
      li.appendChild(document.createTextNode(" "));
      el("span", P + "-date", "(" + when + ")", li);
      var q = el("blockquote", P + "-quote", null, li), text = quotes[c[1]];
      if (c[2] >= 0 && c[3] > c[2]) {
        q.appendChild(document.createTextNode(text.slice(0, c[2])));
        el("mark", null, text.slice(c[2], c[3]), q);
        q.appendChild(document.createTextNode(text.slice(c[3])));
      } else {
        q.textContent = text;
      }
      var art;
      if (a[3]) {
        art = el("a", P + "-article", a[0], li);
        art.href = a[3];
        art.target = "_blank";
        art.rel = "noopener noreferrer";
      } else {
        el("span", P + "-article", a[0], li);
      }
      if (a[2]) {
        li.appendChild(document.createTextNode(" · "));
        var link = el("a", null, "source", li);
        link.href = a[2];
        link.target = "_blank";
        link.rel = "noopener noreferrer";
      }
    }

    function popupNode(f) {
      var pr = f.properties, pl = places[pr.place], layer = state.layers[pr.layer];
      var root = el("div", P + "-popup");
      el("h4", P + "-name", pl[1], root);
      var table = el("table", null, null, root);
      var rows = [["Layer", layer.title],
        ["Precision", pl[3] + (pl[6] !== null ? " ± " + km(pl[6]) + " km" : "")],
        ["Country", pl[2] || "none"], ["Point", pl[4].toFixed(4) + ", " + pl[5].toFixed(4)],
        ["Gazetteer id", pl[0]], ["Source", pl[8]],
        ["Geocoding confidence", pl[7].toFixed(2)], ["Layer confidence", pr.confidence.toFixed(2)]];
      rows.forEach(function (r) {
        var tr = el("tr", null, null, table);
        el("th", null, r[0], tr);
        el("td", null, r[1], tr);
      });
      if (pl[9]) el("p", P + "-reason", pl[9], root);
      if (pl[10].length) {
        var alts = el("div", P + "-alts", "Chosen over:", root), ul = el("ul", null, null, alts);
        pl[10].forEach(function (a) {
          el("li", null, a[0] + (a[1] ? " (" + a[1] + ")" : "") + (a[2] ? ": " + a[2] : ""), ul);
        });
        if (pl[11] > 0) el("li", null, "and " + pl[11] + " more", ul);
      }
      var src = el("div", P + "-sources", "Sources (" + pr.cites.length + "):", root);
      var ol = el("ol", null, null, src);
      pr.cites.forEach(function (i) { citationItem(i, ol); });
      return root;
    }

    function openPopup(layer, latlng) {
      if (!layer.getPopup()) layer.bindPopup(function () { return popupNode(layer.feature); },
        {maxWidth: popupWidth});
      layer.openPopup(latlng);
    }
    function addTooltip(e) {
      var layer = e.layer;
      if (!layer.getTooltip()) {
        layer.bindTooltip(el("span", null, places[layer.feature.properties.place][1]));
        layer.openTooltip(e.latlng);
      }
    }

    var overlays = {}, index = [];
    data.layers.forEach(function (def, li) {
      var color = def.color, pointPane = def["default"] ? "eventmapPlacePoints" : "eventmapPoints";
      var group = L.featureGroup(), areas = L.featureGroup(), circles = L.featureGroup();
      var cluster = L.markerClusterGroup({
        clusterPane: pointPane, maxClusterRadius: 30, showCoverageOnHover: false,
        spiderfyOnMaxZoom: false, removeOutsideVisibleBounds: true,
        disableClusteringAtZoom: CLUSTER_OFF_ZOOM,
        iconCreateFunction: function (c) {
          var n = c.getChildCount();
          return L.divIcon({html: "<span style=\"background:" + color + "\">" + n + "</span>",
            className: P + "-cluster", iconSize: L.point(30, 30)});
        }
      });
      var entry = {id: def.id, title: def.title, group: group, cluster: cluster, areas: areas,
        circles: circles, points: [], shapes: [], rings: []};
      state.layers.push(entry);
      var pointPaneOpts = {radius: 7, color: "#222222", weight: 1.5, fillColor: color,
        fillOpacity: 0.9, pane: pointPane};
      var ringPane = def["default"] ? "eventmapPlaceAreas" : "overlayPane";
      var areaFeatures = [];
      def.items.forEach(function (item) {
        var pl = places[item[0]], dates = {};
        item[2].forEach(function (i) { if (cites[i][4]) dates[cites[i][4]] = 1; });
        var f = {type: "Feature", properties: {place: item[0], layer: li, confidence: item[1],
          cites: item[2], dates: Object.keys(dates).sort()}, geometry: pl[12]};
        index.push({name: pl[1].toLowerCase(), feature: f, entry: entry, layer: null});
        if (pl[12]) { areaFeatures.push(f); return; }
        // Points skip L.geoJSON: at 100,000 places its per-feature work is noticeable.
        var latlng = L.latLng(pl[4], pl[5]), marker = L.circleMarker(latlng, pointPaneOpts);
        marker.feature = f;
        index[index.length - 1].layer = marker;
        entry.points.push(marker);
        if (pl[6]) {
          var ring = L.circle(latlng, {radius: pl[6] * 1000, color: color, weight: 1,
            opacity: 0.6, dashArray: "6 4", fill: true, fillColor: color, fillOpacity: 0.08,
            interactive: false, pane: ringPane});
          ring.feature = f;
          entry.rings.push(ring);
        }
      });
      var style = function (f) {
        var s = data.area_styles[places[f.properties.place][3]];
        return {color: color, weight: 2, opacity: 0.9, fillColor: color,
          fillOpacity: s[0], dashArray: s[1] || null};
      };
      L.geoJSON({type: "FeatureCollection", features: areaFeatures}, {
        style: style,
        pane: def["default"] ? "eventmapPlaceAreas" : "overlayPane",
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
        g.on("click", function (e) { if (!e.layer.getPopup()) openPopup(e.layer, e.latlng); });
        g.on("mouseover", addTooltip);
      });
      group.addTo(map);
      overlays["<span class=\"" + P + "-swatch\" style=\"background:" + color + "\"></span>" +
        escapeHtml(def.title)] = group;
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
    if (data.tiles) {
      if (!map.getPane("eventmapTiles")) {
        var tilePane = map.createPane("eventmapTiles");
        tilePane.style.zIndex = 260;
        tilePane.style.pointerEvents = "none";
      }
      var tiles = L.tileLayer(data.tiles.url, {attribution: data.tiles.attribution,
        maxZoom: data.tiles.max_zoom || 18, pane: "eventmapTiles"}).addTo(map);
      overlays[escapeHtml(data.tiles.name)] = tiles;
    }
    L.control.layers(null, overlays, {collapsed: false}).addTo(map);
    map.attributionControl.addAttribution(escapeHtml(data.attribution));

    // Legend: layers with their counts, and the credits.
    var legend = L.control({position: "bottomleft"});
    legend.onAdd = function () {
      var box = el("div", P + "-legend");
      el("h3", null, data.title, box);
      var ul = el("ul", null, null, box);
      if (!data.layers.length) el("li", null, "No places found.", ul);
      data.layers.forEach(function (def) {
        var li = el("li", null, null, ul);
        el("span", P + "-swatch", null, li).style.background = def.color;
        li.appendChild(document.createTextNode(def.title + " (" + def.items.length +
          (def.items.length === 1 ? " place)" : " places)")));
      });
      el("div", P + "-credit", data.attribution, box);
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    legend.addTo(map);

    function shown(f) {
      var r = state.range, d = f.properties.dates;
      if (!r || !d.length) return true;
      for (var i = 0; i < d.length; i++) if (d[i] >= r[0] && d[i] <= r[1]) return true;
      return false;
    }
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
    };

    syncRings();
    map.on("zoomend", syncRings);

    // Time slider: from/to over the span of event dates; undated places always show.
    if (data.time) {
      var lo = dayOf(data.time[0]), hi = dayOf(data.time[1]);
      var slider = L.control({position: "bottomleft"});
      slider.onAdd = function () {
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
        L.DomEvent.disableClickPropagation(box);
        return box;
      };
      slider.addTo(map);
    }

    // Search: places by name across layers; Enter or a click zooms to one and opens it.
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
        var layer = hit.layer || hit.feature.shape, e = hit.entry;
        list.textContent = "";
        if (!map.hasLayer(e.group)) map.addLayer(e.group);
        if (layer.getLatLng && e.cluster.hasLayer(layer)) {
          e.cluster.zoomToShowLayer(layer, function () { openPopup(layer); });
        } else if (layer.getLatLng) {
          map.setView(layer.getLatLng(), Math.max(map.getZoom(), 9));
          L.popup({maxWidth: popupWidth}).setLatLng(layer.getLatLng())
            .setContent(popupNode(layer.feature)).openOn(map);
        } else {
          map.fitBounds(layer.getBounds(), {maxZoom: 10});
          if (e.areas.hasLayer(layer)) openPopup(layer, layer.getBounds().getCenter());
        }
      }
      input.addEventListener("input", function () {
        var q = input.value.trim().toLowerCase();
        list.textContent = "";
        found = [];
        if (!q) return;
        var starts = [], within = [];
        for (var i = 0; i < index.length && starts.length < 8; i++) {
          var at = index[i].name.indexOf(q);
          if (at === 0) starts.push(index[i]);
          else if (at > 0 && within.length < 8) within.push(index[i]);
        }
        found = starts.concat(within).slice(0, 8);
        found.forEach(function (hit) {
          var li = el("li", null, places[hit.feature.properties.place][1] + " — " +
            hit.entry.title, list);
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

    state.ready = true;
    window.eventmapMaps = window.eventmapMaps || {};
    window.eventmapMaps[(opts && opts.id) || map.getContainer().id] = state;
    window.eventmapReady = true;
    window.eventmapReadyAt = window.performance ? performance.now() : null;
    return state;
  };
})();
