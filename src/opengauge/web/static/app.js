// opengauge: sorting and filtering without a reload. Every page works without this script;
// on the server the same filters and sort orders are applied from the URL's query parameters.
// The rules here mirror opengauge.api.rank's filters and opengauge.web.views' sort order.
(function () {
  "use strict";

  var LEVEL_RANK = { open: 3, partial: 2, closed: 1, unknown: 0 };
  var LEVEL_CLASS = /\bl-(open|partial|closed|unknown)\b/;
  var TEXT_COLUMNS = ["rank", "name", "org", "type", "license"];
  var FILTER_NAMES = ["q", "type", "org", "license_family"];

  function levelOf(cell) {
    var found = cell ? LEVEL_CLASS.exec(cell.className) : null;
    return found ? found[1] : "unknown";
  }

  function sortValue(cell, type) {
    if (!cell) { return type === "num" ? 0 : ""; }
    var raw = cell.getAttribute("data-sort");
    if (raw === null) {
      var level = LEVEL_CLASS.exec(cell.className);
      if (level) { return LEVEL_RANK[level[1]]; }
      raw = cell.textContent.trim();
    }
    return type === "num" ? (parseFloat(raw) || 0) : raw.toLowerCase();
  }

  function headers(table) {
    return Array.prototype.slice.call(table.tHead.rows[0].cells);
  }

  function columnIndex(table, column) {
    var cells = headers(table);
    for (var i = 0; i < cells.length; i++) {
      if (cells[i].getAttribute("data-col") === column) { return i; }
    }
    return -1;
  }

  function defaultOrder(column) {
    return TEXT_COLUMNS.indexOf(column) >= 0 ? "asc" : "desc";
  }

  // Stable sort: rows that compare equal stay in the framework's published order.
  function sortTable(table, column, order) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) { return (+a.getAttribute("data-index")) - (+b.getAttribute("data-index")); });
    var index = column ? columnIndex(table, column) : -1;
    if (index >= 0) {
      var type = headers(table)[index].getAttribute("data-type") || "text";
      var keyed = rows.map(function (row) { return [sortValue(row.cells[index], type), row]; });
      keyed.sort(function (x, y) {
        var c = x[0] < y[0] ? -1 : (x[0] > y[0] ? 1 : 0);
        return order === "desc" ? -c : c;
      });
      rows = keyed.map(function (pair) { return pair[1]; });
    } else if (order === "desc") {
      rows.reverse();
    }
    rows.forEach(function (row) { body.appendChild(row); });
    headers(table).forEach(function (th, i) {
      if (i === index) { th.setAttribute("aria-sort", order === "desc" ? "descending" : "ascending"); }
      else { th.removeAttribute("aria-sort"); }
    });
    table.setAttribute("data-sort", column || "");
    table.setAttribute("data-order", order);
  }

  function orgPattern(org) {
    var escaped = org.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp("(?<![\\p{L}\\p{N}_])" + escaped + "(?![\\p{L}\\p{N}_])", "iu");
  }

  function readFilters(form) {
    var data = { levels: [] };
    FILTER_NAMES.forEach(function (name) {
      var field = form.elements[name];
      data[name] = field ? field.value.trim() : "";
    });
    Array.prototype.forEach.call(form.querySelectorAll("select[data-criterion]"), function (select) {
      if (select.value) { data.levels.push([select.name, select.value]); }
    });
    return data;
  }

  function matches(row, table, f) {
    if (f.type) {
      var wanted = f.type.toLowerCase().split(",").map(function (s) { return s.trim(); }).filter(Boolean);
      var have = (row.getAttribute("data-type") || "").split(" ").filter(Boolean);
      if (!wanted.some(function (w) { return have.indexOf(w) >= 0; })) { return false; }
    }
    if (f.org && !orgPattern(f.org).test(row.getAttribute("data-org") || "")) { return false; }
    if (f.license_family && row.getAttribute("data-family") !== f.license_family) { return false; }
    for (var i = 0; i < f.levels.length; i++) {
      var index = columnIndex(table, f.levels[i][0]);
      var accepted = f.levels[i][1].split(",");
      if (accepted.indexOf(levelOf(row.cells[index])) < 0) { return false; }
    }
    if (f.q && (row.getAttribute("data-text") || "").indexOf(f.q.toLowerCase()) < 0) { return false; }
    return true;
  }

  function viewParams(form, table) {
    var params = new URLSearchParams();
    var f = readFilters(form);
    FILTER_NAMES.forEach(function (name) { if (f[name]) { params.set(name, f[name]); } });
    f.levels.forEach(function (pair) { params.set(pair[0], pair[1]); });
    var releases = form.elements.releases;  // the view (every MOT release), kept with the filters
    if (releases && releases.value) { params.set("releases", releases.value); }
    var filtersOnly = params.toString();
    var sort = table.getAttribute("data-sort");
    if (sort) {
      params.set("sort", sort);
      params.set("order", table.getAttribute("data-order") || defaultOrder(sort));
    }
    return { all: params.toString(), filters: filtersOnly };
  }

  function applyFilters(form, table) {
    var f = readFilters(form);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var shown = rows.filter(function (row) {
      var keep = matches(row, table, f);
      row.hidden = !keep;
      return keep;
    });
    shown.sort(function (a, b) { return (+a.getAttribute("data-index")) - (+b.getAttribute("data-index")); });
    rows.forEach(function (row) { var cell = row.querySelector("td.rank"); if (cell) { cell.textContent = ""; } });
    shown.forEach(function (row, i) { var cell = row.querySelector("td.rank"); if (cell) { cell.textContent = String(i + 1); } });
    var count = document.getElementById("count");
    if (count) { count.textContent = shown.length + " of " + rows.length + " models"; }
    var empty = document.getElementById("empty");
    if (empty) { empty.hidden = shown.length > 0; }
    syncLinks(form, table);
  }

  function syncLinks(form, table) {
    var params = viewParams(form, table);
    var mode = document.body.getAttribute("data-mode");
    if (mode === "server") {
      ["csv-link", "json-link"].forEach(function (id) {
        var link = document.getElementById(id);
        if (!link) { return; }
        var base = link.getAttribute("data-base");
        var joiner = base.indexOf("?") >= 0 ? "&" : "?";
        link.setAttribute("href", params.filters ? base + joiner + params.filters : base);
      });
    }
    Array.prototype.forEach.call(document.querySelectorAll("#release-switch a[data-releases]"), function (link) {
      var query = new URLSearchParams(params.all);
      if (link.getAttribute("data-releases") === "1") { query.set("releases", "1"); } else { query.delete("releases"); }
      var text = query.toString();
      link.setAttribute("href", window.location.pathname + (text ? "?" + text : ""));
    });
    var url = window.location.pathname + (params.all ? "?" + params.all : "") + window.location.hash;
    window.history.replaceState(null, "", url);
  }

  function syncSortFields(form, column, order) {
    if (!form) { return; }
    if (form.elements.sort) { form.elements.sort.value = column === "result" || column === "rank" ? "" : column; }
    if (form.elements.order) { form.elements.order.value = column ? order : ""; }
  }

  function setUpSorting(table, form) {
    headers(table).forEach(function (th) {
      var button = th.querySelector("button");
      var column = th.getAttribute("data-col");
      if (!button || !column) { return; }
      button.addEventListener("click", function () {
        var current = th.getAttribute("aria-sort");
        var order = current === "ascending" ? "desc" : (current === "descending" ? "asc" : defaultOrder(column));
        sortTable(table, column, order);
        syncSortFields(form, column, order);
        if (form) { syncLinks(form, table); }
      });
    });
  }

  function fillFormFromUrl(form) {
    var params = new URLSearchParams(window.location.search);
    params.forEach(function (value, name) {
      var field = form.elements[name];
      if (field && "value" in field) { field.value = value; }
    });
    if (form.querySelector("details select[data-criterion]")) {
      var any = Array.prototype.some.call(form.querySelectorAll("select[data-criterion]"),
        function (s) { return s.value; });
      if (any) { form.querySelector("details").open = true; }
    }
  }

  function setUpFilters(form, table) {
    var timer = null;
    var refresh = function () { applyFilters(form, table); };
    form.addEventListener("submit", function (event) { event.preventDefault(); refresh(); });
    form.addEventListener("change", function (event) {
      if (event.target.name === "sort" || event.target.name === "order") {
        var column = form.elements.sort.value;
        var order = form.elements.order.value || (column ? defaultOrder(column) : "asc");
        sortTable(table, column, order);
      }
      refresh();
    });
    form.addEventListener("input", function (event) {
      if (event.target.type !== "search") { return; }
      window.clearTimeout(timer);
      timer = window.setTimeout(refresh, 120);
    });
    var reset = document.getElementById("reset");
    if (reset) {
      reset.addEventListener("click", function (event) {
        event.preventDefault();
        Array.prototype.forEach.call(form.elements, function (field) {
          if (field.tagName === "SELECT" || field.type === "search") { field.value = ""; }
        });
        sortTable(table, "", "asc");
        refresh();
      });
    }
    if (window.location.search) {
      fillFormFromUrl(form);
      var column = form.elements.sort ? form.elements.sort.value : "";
      var order = form.elements.order ? form.elements.order.value : "";
      if (column || order) { sortTable(table, column, order || defaultOrder(column)); }
      refresh();
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("filters");
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
      setUpSorting(table, table.id === "board" ? form : null);
    });
    var board = document.getElementById("board");
    if (form && board) { setUpFilters(form, board); }
    document.documentElement.classList.add("js");
  });
})();
