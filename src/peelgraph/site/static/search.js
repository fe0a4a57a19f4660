// Offline search over the prebuilt index in search/: word shards (w-XY.js) and document
// shards (docs-N.js), loaded as scripts on demand (a page from file:// may not fetch).
(function () {
  "use strict";
  window.PEEL_SEARCH = window.PEEL_SEARCH || { words: {}, docs: {} };
  var SHARD = 1000, LIMIT = 100;
  var index = window.PEEL_SEARCH;
  var loading = {};
  function load(name) {
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = "search/" + name + ".js";
        script.onload = resolve;
        script.onerror = resolve; // no shard: no word starts with those letters
        document.head.appendChild(script);
      });
    }
    return loading[name];
  }
  function words(text) {
    return (text.toLowerCase().match(/[a-z0-9]+/g) || []).filter(function (w) { return w.length >= 2; });
  }
  function matches(word) {
    var table = index.words[word.slice(0, 2)] || {};
    var found = {};
    Object.keys(table).forEach(function (key) {
      if (key.indexOf(word) === 0) { table[key].forEach(function (id) { found[id] = true; }); }
    });
    return found;
  }
  function show(ids, query) {
    var list = document.getElementById("results");
    var status = document.getElementById("search-status");
    list.textContent = "";
    ids.slice(0, LIMIT).forEach(function (id) {
      var doc = index.docs[Math.floor(id / SHARD)][id % SHARD];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = doc[0];
      a.textContent = doc[2] + ", " + doc[3] + " " + doc[1].toLowerCase();
      var text = document.createElement("span");
      text.className = "text";
      text.textContent = doc[4];
      li.appendChild(a);
      li.appendChild(text);
      list.appendChild(li);
    });
    status.textContent = ids.length + " item(s) match “" + query + "”" +
      (ids.length > LIMIT ? "; the first " + LIMIT + " are shown" : "") + ".";
  }
  function search(query) {
    var terms = words(query);
    if (!terms.length) { show([], query); return Promise.resolve(); }
    var known = index.shards || [];
    var shards = terms.filter(function (w) { return known.indexOf(w.slice(0, 2)) >= 0; })
      .map(function (w) { return load("w-" + w.slice(0, 2)); });
    return Promise.all(shards).then(function () {
      var sets = terms.map(matches);
      var ids = Object.keys(sets[0]).filter(function (id) {
        return sets.every(function (set) { return set[id]; });
      }).map(Number).sort(function (a, b) { return a - b; });
      var needed = {};
      ids.slice(0, LIMIT).forEach(function (id) { needed[Math.floor(id / SHARD)] = true; });
      return Promise.all(Object.keys(needed).map(function (n) { return load("docs-" + n); }))
        .then(function () { show(ids, query); });
    });
  }
  var form = document.getElementById("search-form");
  var input = document.getElementById("q");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value;
    history.replaceState(null, "", "?q=" + encodeURIComponent(query));
    window.peelSearchDone = false;
    search(query).then(function () { window.peelSearchDone = true; });
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    search(initial).then(function () { window.peelSearchDone = true; });
  }
  window.peelSearch = search;
}());
