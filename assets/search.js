/* 站内搜索 (site search), in the browser, over the index that zhuanlan
   writes under search/ (generator/search/search_shards.h describes the
   files). The query is segmented exactly as the index was
   (generator/search/search_terms.cpp): NFKC with case folding, CJK bigrams,
   whole Latin words and numbers, edge terms where Chinese meets a word; and
   Intl.Segmenter's longer Chinese words, where the browser has it, rank
   whole words higher. Only the shards of the query's terms and the
   documents shown are fetched. Content is shown with textContent only. */
(function () {
  "use strict";
  var app = document.querySelector(".search-app");
  if (!app) return;
  if (!window.fetch || !window.Map || !window.TextEncoder || !String.prototype.normalize || !window.URLSearchParams) {
    return;  // the page's own text and lists stay: too old a browser
  }

  // --- segmentation (mirrors search_terms.cpp) ------------------------------
  var CJK = [[0x2E80, 0x2FDF], [0x3005, 0x3007], [0x3021, 0x3029], [0x3041, 0x3096], [0x309D, 0x309F],
             [0x30A1, 0x30FA], [0x30FC, 0x30FF], [0x3105, 0x312F], [0x3131, 0x318E], [0x31A0, 0x31BF],
             [0x31F0, 0x31FF], [0x3400, 0x4DBF], [0x4E00, 0x9FFF], [0xAC00, 0xD7A3], [0xF900, 0xFAFF],
             [0x20000, 0x3FFFF]];
  var MAX_WORD = 64;
  var OTHER = 0, HAN = 1, WORD = 2;
  var wordChar = /[\p{L}\p{M}\p{N}]/u;
  var ignorable = /\p{Default_Ignorable_Code_Point}/gu;

  function isCjk(cp) {
    if (cp < CJK[0][0]) return false;
    for (var i = 0; i < CJK.length; i++) {
      if (cp < CJK[i][0]) return false;
      if (cp <= CJK[i][1]) return true;
    }
    return false;
  }
  function classify(ch) {
    var cp = ch.codePointAt(0);
    if (cp < 0x80) return /[0-9A-Za-z]/.test(ch) ? WORD : OTHER;
    if (isCjk(cp)) return HAN;
    return wordChar.test(ch) ? WORD : OTHER;
  }
  // NFKC_Casefold as ICU does it, closely enough for searching.
  function normalize(text) {
    return text.normalize("NFKC").toLowerCase().replace(/ß/g, "ss").replace(/ς/g, "σ")
      .replace(ignorable, "").normalize("NFKC");
  }
  function eachTerm(text, emit) {
    var chars = Array.from(text), run = OTHER, start = 0, length = 0, prev = "";
    function endRun(at, next) {
      if (run === WORD && length <= MAX_WORD) emit(chars.slice(start, at).join(""));
      else if (run === HAN && next === WORD) emit(prev + ">");
    }
    for (var i = 0; i < chars.length; i++) {
      var ch = chars[i], now = classify(ch);
      if (now !== run) {
        endRun(i, now);
        if (now === HAN && run === WORD) emit("<" + ch);
        run = now; start = i; length = 0;
      } else if (now === HAN) {
        emit(prev + ch);
      }
      length++;
      prev = ch;
    }
    endRun(chars.length, OTHER);
  }
  function termsOf(text) {
    var out = [];
    eachTerm(text, function (t) { if (out.indexOf(t) < 0) out.push(t); });
    return out;
  }
  var segmenter = window.Intl && Intl.Segmenter ? new Intl.Segmenter("zh", { granularity: "word" }) : null;
  // Chinese words of three characters or more (the index has them for titles).
  function wordsOf(text) {
    var out = [];
    if (!segmenter) return out;
    for (var s of segmenter.segment(text)) {
      var chars = Array.from(s.segment);
      if (s.isWordLike && chars.length >= 3 && chars.every(function (c) { return isCjk(c.codePointAt(0)); }) &&
          out.indexOf(s.segment) < 0) out.push(s.segment);
    }
    return out;
  }
  function fnv1a(term) {
    var bytes = new TextEncoder().encode(term), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 16777619) >>> 0;
    return h >>> 0;
  }

  // --- the query ---------------------------------------------------------------
  var QUOTES = /["“”「」『』]/;
  // Phrases in quotes and the words between them, normalised; parts with no
  // term (a single Chinese character) are left out.
  function parseQuery(raw) {
    var text = normalize(raw), parts = [], dropped = 0, rest = "", quoted = false, current = "";
    function add(piece, isPhrase) {
      piece = piece.trim();
      if (!piece) return;
      var terms = termsOf(piece);
      if (!terms.length) { dropped++; return; }
      parts.push({ text: piece, quoted: isPhrase, terms: terms, words: wordsOf(piece) });
    }
    for (var ch of text) {
      if (QUOTES.test(ch)) {
        if (quoted) add(current, true); else rest += " ";
        quoted = !quoted; current = "";
      } else if (quoted) {
        current += ch;
      } else {
        rest += ch;
      }
    }
    if (quoted) rest += " " + current;  // an unclosed quote: plain words
    var free = rest.split(/\s+/);
    for (var i = 0; i < free.length; i++) add(free[i], false);
    // Two words typed apart may stand together in a text: the bigrams across
    // their boundary rank such texts higher (a "phrase match").
    var joins = [];
    for (var k = 0; k + 1 < parts.length; k++) {
      var a = Array.from(parts[k].text), b = Array.from(parts[k + 1].text);
      var last = a[a.length - 1], first = b[0];
      if (isCjk(last.codePointAt(0)) && isCjk(first.codePointAt(0))) joins.push(last + first);
    }
    return { raw: raw.trim(), parts: parts, dropped: dropped, joins: joins,
             quoted: parts.some(function (p) { return p.quoted; }) };
  }

  // --- the index files ------------------------------------------------------------
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var digit = new Int8Array(128).fill(-1);
  for (var d = 0; d < 64; d++) digit[ALPHABET.charCodeAt(d)] = d;
  // A number: groups of five bits, lowest first, each but the last plus 32.
  function readNumber(text, at) {
    var value = 0, scale = 1, v;
    do {
      v = digit[text.charCodeAt(at.i++)];
      value += (v & 31) * scale;
      scale *= 32;
    } while (v >= 32);
    return value;
  }
  function readGaps(text, each) {
    var at = { i: 0 }, next = 0;
    while (at.i < text.length) {
      var doc = next + readNumber(text, at);
      each(doc);
      next = doc + 1;
    }
  }
  // Every document's kind, from index.json's runs (kind, length − 1).
  function kindsOf(runs, count) {
    var kinds = new Uint8Array(count), at = { i: 0 }, doc = 0;
    while (at.i < runs.length) {
      var kind = digit[runs.charCodeAt(at.i++)], length = readNumber(runs, at) + 1;
      kinds.fill(kind, doc, doc + length);
      doc += length;
    }
    return kinds;
  }
  // Postings: gaps or "~" and a bitmap, then "." and the title documents.
  // Map doc -> flags (kind << 1 | in title).
  function decodePostings(text, kinds) {
    var out = new Map(), dot = text.indexOf("."), body = dot < 0 ? text : text.slice(0, dot);
    function add(doc) { out.set(doc, kinds ? kinds[doc] << 1 : 0); }
    if (body.charAt(0) === "~") {
      for (var i = 1; i < body.length; i++) {
        var v = digit[body.charCodeAt(i)];
        for (var bit = 0; bit < 6; bit++) if (v & (1 << bit)) add((i - 1) * 6 + bit);
      }
    } else {
      readGaps(body, add);
    }
    if (dot >= 0) readGaps(text.slice(dot + 1), function (doc) { out.set(doc, out.get(doc) | 1); });
    return out;
  }

  var indexUrl = new URL(app.dataset.index, location.href);
  var root = app.dataset.root;
  var meta = null, shardCache = new Map(), docCache = new Map();
  function getJson(url, options) {
    return fetch(url, options).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + url);
      return response.json();
    });
  }
  function loadMeta() {
    // Asked again on every visit (the other files carry its key).
    if (!meta) {
      meta = getJson(indexUrl.href, { cache: "no-cache" }).then(function (m) {
        m.kindOf = kindsOf(m.runs || "", m.documents);
        return m;
      });
    }
    return meta;
  }
  function shardName(shard, count) {
    var width = Math.max(1, (count - 1).toString(16).length);
    var hex = shard.toString(16);
    while (hex.length < width) hex = "0" + hex;
    return hex;
  }
  function loadShard(m, shard) {
    if (!shardCache.has(shard)) {
      shardCache.set(shard, getJson(new URL("s/" + shardName(shard, m.shards) + ".json?v=" + m.key, indexUrl).href));
    }
    return shardCache.get(shard);
  }
  // A document: a line of JSON (title, address, kind, label), then its text.
  function loadDoc(m, id) {
    if (!docCache.has(id)) {
      docCache.set(id, fetch(new URL("d/" + id + ".txt?v=" + m.key, indexUrl).href).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + response.url);
        return response.text();
      }).then(function (file) {
        var newline = file.indexOf("\n"), doc = JSON.parse(newline < 0 ? file : file.slice(0, newline));
        doc.x = newline < 0 ? "" : file.slice(newline + 1);
        return doc;
      }));
    }
    return docCache.get(id);
  }
  // Postings of each term: Map term -> Map(doc -> flags).
  function lookup(m, terms) {
    var shards = [];
    terms.forEach(function (t) {
      var s = fnv1a(t) & (m.shards - 1);
      if (shards.indexOf(s) < 0) shards.push(s);
    });
    return Promise.all(shards.map(function (s) { return loadShard(m, s); })).then(function () {
      var all = new Map();
      return Promise.all(terms.map(function (t) {
        return loadShard(m, fnv1a(t) & (m.shards - 1)).then(function (shard) {
          all.set(t, Object.prototype.hasOwnProperty.call(shard, t) ? decodePostings(shard[t], m.kindOf) : new Map());
        });
      })).then(function () { return all; });
    });
  }

  // --- ranking ----------------------------------------------------------------
  // Title matches first, then phrase matches (every word, and the bigrams
  // across the words typed apart), then texts with every word, then texts
  // with some of the words; whole words from the segmenter next; newer
  // (a smaller number) first.
  function rank(query, postings) {
    var parts = query.parts;
    function partDocs(part) {
      var lists = part.terms.map(function (t) { return postings.get(t); });
      lists.sort(function (a, b) { return a.size - b.size; });
      var out = new Map();
      lists[0].forEach(function (flags, doc) {
        var inTitle = flags & 1;
        for (var i = 1; i < lists.length; i++) {
          var f = lists[i].get(doc);
          if (f === undefined) return;
          inTitle &= f;
        }
        out.set(doc, { kind: flags >> 1, title: inTitle });
      });
      return out;
    }
    var perPart = parts.map(partDocs);
    var found = new Map();
    perPart.forEach(function (docs, p) {
      docs.forEach(function (hit, doc) {
        var entry = found.get(doc);
        if (!entry) found.set(doc, entry = { doc: doc, kind: hit.kind, parts: 0, title: 1, words: 0 });
        entry.parts++;
        entry.title &= hit.title;
        parts[p].words.forEach(function (w) { var l = postings.get(w); if (l && l.has(doc)) entry.words++; });
      });
    });
    var results = [], partial = true;
    found.forEach(function (entry) { if (entry.parts === parts.length) partial = false; });
    found.forEach(function (entry) {
      if (!partial && entry.parts < parts.length) return;
      var joined = query.joins.every(function (j) { var l = postings.get(j); return l && l.has(entry.doc); });
      entry.tier = partial ? 3 : entry.title ? 0 : joined ? 1 : 2;
      results.push(entry);
    });
    results.sort(function (a, b) {
      return a.tier - b.tier || b.parts - a.parts || b.words - a.words || a.doc - b.doc;
    });
    return { results: results, partial: partial };
  }

  // Text normalised character by character, with each position's place in
  // the original, to find and mark matches in what is shown.
  function mapped(text) {
    var norm = "", from = [];
    for (var i = 0; i < text.length;) {
      var cp = text.codePointAt(i), ch = String.fromCodePoint(cp);
      var n = cp < 0x80 ? ch.toLowerCase() : cp >= 0x4E00 && cp <= 0x9FFF ? ch : normalize(ch);
      for (var k = 0; k < n.length; k++) from.push(i);
      norm += n;
      i += ch.length;
    }
    from.push(text.length);
    return { norm: norm, from: from };
  }
  // Ranges [start, end) of text that match any of the strings (longest first).
  function matches(text, strings) {
    var m = mapped(text), ranges = [];
    strings.forEach(function (s) {
      if (!s) return;
      for (var at = m.norm.indexOf(s); at >= 0; at = m.norm.indexOf(s, at + s.length)) {
        var start = m.from[at], end = m.from[at + s.length];
        if (end === start) end = start + 1;
        if (!ranges.some(function (r) { return start < r[1] && end > r[0]; })) ranges.push([start, end]);
      }
    });
    return ranges.sort(function (a, b) { return a[0] - b[0]; });
  }
  function highlightStrings(query) {
    var out = [];
    query.parts.forEach(function (p) { out.push(p.text); });
    query.parts.forEach(function (p) {
      p.words.forEach(function (w) { out.push(w); });
      p.terms.forEach(function (t) { if (!/^<|>$/.test(t)) out.push(t); });
    });
    return out.filter(function (s, i) { return s && out.indexOf(s) === i; })
      .sort(function (a, b) { return b.length - a.length; });
  }
  function appendMarked(node, text, strings) {
    var at = 0;
    matches(text, strings).forEach(function (r) {
      if (r[0] > at) node.appendChild(document.createTextNode(text.slice(at, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      node.appendChild(mark);
      at = r[1];
    });
    if (at < text.length) node.appendChild(document.createTextNode(text.slice(at)));
  }
  var BEFORE = 30, LENGTH = 110;
  function excerpt(text, strings) {
    var first = matches(text, strings.slice(0, 1))[0] || matches(text, strings)[0];
    var start = first ? Math.max(0, first[0] - BEFORE) : 0;
    var chars = Array.from(text.slice(start));
    var out = chars.slice(0, LENGTH).join("");
    return (start > 0 ? "…" : "") + out + (chars.length > LENGTH ? "…" : "");
  }
  function holdsPhrases(query, doc) {
    var text = mapped(doc.t + "\n" + doc.x).norm;
    return query.parts.every(function (p) { return !p.quoted || text.indexOf(p.text) >= 0; });
  }

  // --- the page --------------------------------------------------------------------
  var form = app.querySelector(".search-form");
  var input = form.querySelector("input[name=q]");
  var status = app.querySelector(".search-status");
  var list = app.querySelector(".search-results");
  var more = app.querySelector(".search-more");
  var empty = app.querySelector(".search-empty");
  var tryBox = app.querySelector(".search-try");
  var tryLinks = app.querySelector(".search-try-links");
  var kindNames = {};
  form.querySelectorAll("input[name=kind]").forEach(function (radio) {
    kindNames[radio.value] = radio.parentNode.querySelector(".kind-name").textContent;
  });
  var PAGE = 10, CHECK_ALL = 40;
  var state = null;  // the current search
  function say(template, values) {
    return template.replace(/\{\{\s*([^}\s]+)\s*\}\}/g, function (all, key) { return key in values ? values[key] : all; });
  }
  function selectedKind() {
    var checked = form.querySelector("input[name=kind]:checked");
    return checked ? checked.value : "";
  }
  function setKind(kind) {
    var known = Object.prototype.hasOwnProperty.call(kindNames, kind);
    var radio = form.querySelector("input[name=kind][value='" + (known ? kind : "") + "']");
    if (radio) radio.checked = true;
  }
  function clear() {
    list.textContent = "";
    more.hidden = true;
    empty.hidden = true;
    tryBox.hidden = true;
    tryLinks.textContent = "";
    form.querySelectorAll(".count").forEach(function (c) { c.textContent = ""; });
  }
  function resultItem(doc, strings, m) {
    var li = document.createElement("li");
    li.className = "search-result";
    var h = document.createElement("h2");
    var a = document.createElement("a");
    a.href = root + doc.u;
    appendMarked(a, doc.t, strings);
    h.appendChild(a);
    li.appendChild(h);
    var info = document.createElement("p");
    info.className = "search-meta";
    var kindName = kindNames[m.kinds[doc.k]] || "";
    info.textContent = doc.l ? kindName + " · " + doc.l : kindName;
    li.appendChild(info);
    if (doc.x) {
      var p = document.createElement("p");
      p.className = "search-excerpt";
      appendMarked(p, excerpt(doc.x, strings), strings);
      li.appendChild(p);
    }
    return li;
  }
  // Shows results up to count: for quoted phrases, candidates are checked
  // against their text first, in rank order, until there are enough.
  function fill(search, count) {
    var m = search.meta;
    function step() {
      if (search !== state) return Promise.resolve();
      if (search.next >= search.pool.length) return Promise.resolve();
      // A few candidates of a quoted phrase are all checked at once, so
      // that the count is exact.
      var checkAll = search.query.quoted && search.pool.length <= CHECK_ALL;
      if (search.shown.length >= count && !checkAll) return Promise.resolve();
      var batch = search.pool.slice(search.next, search.next + PAGE);
      search.next += batch.length;
      return Promise.all(batch.map(function (e) { return loadDoc(m, e.doc); })).then(function (docs) {
        docs.forEach(function (doc, i) {
          if (!search.query.quoted || holdsPhrases(search.query, doc)) search.shown.push({ entry: batch[i], doc: doc });
        });
        return step();
      });
    }
    return step().then(function () {
      if (search !== state) return;
      var strings = highlightStrings(search.query);
      for (var i = list.children.length; i < Math.min(count, search.shown.length); i++) {
        list.appendChild(resultItem(search.shown[i].doc, strings, m));
      }
      var exhausted = search.next >= search.pool.length;
      var total = search.query.quoted ? search.shown.length : search.pool.length;
      more.hidden = list.children.length >= total && exhausted;
      if (!total) return noResults(search.query);
      var text = search.partial ? app.dataset.partial : search.query.quoted && !exhausted ? app.dataset.foundMore : app.dataset.found;
      status.textContent = say(text, { "数量": total });
    });
  }
  function noResults(query) {
    status.textContent = say(app.dataset.none, { "查询": query.raw });
    empty.hidden = false;
    var ideas = [];
    if (query.parts.length > 1 || query.quoted) {
      query.parts.forEach(function (p) { ideas.push(p.text); });
    } else if (query.parts.length === 1 && query.parts[0].words.length > 1) {
      ideas = query.parts[0].words.slice();
    } else if (query.parts.length === 1 && Array.from(query.parts[0].text).length > 3) {
      var chars = Array.from(query.parts[0].text);
      ideas = [chars.slice(0, 2).join(""), chars.slice(-2).join("")];
    }
    if (selectedKind()) ideas.unshift("");
    ideas = ideas.filter(function (s, i) { return ideas.indexOf(s) === i; });
    ideas.forEach(function (idea) {
      var a = document.createElement("a");
      var params = new URLSearchParams();
      params.set("q", idea || query.raw);
      if (idea && selectedKind()) params.set("kind", selectedKind());
      a.href = "?" + params.toString();
      a.textContent = idea || app.dataset.all + "：" + query.raw;
      tryLinks.appendChild(a);
    });
    tryBox.hidden = ideas.length === 0;
  }
  // data-ready is "true" once the results of the last search are shown.
  function run() {
    app.dataset.ready = "false";
    return runSearch().then(function () { app.dataset.ready = "true"; });
  }
  function runSearch() {
    var raw = input.value, kind = selectedKind();
    clear();
    state = null;
    if (!raw.trim()) { status.textContent = ""; return Promise.resolve(); }
    var query = parseQuery(raw);
    if (!query.parts.length) { status.textContent = app.dataset.short; return Promise.resolve(); }
    var search = state = { query: query, shown: [], next: 0, pool: [], partial: false, meta: null };
    status.textContent = app.dataset.busy;
    return loadMeta().then(function (m) {
      search.meta = m;
      var terms = [];
      query.parts.forEach(function (p) { p.terms.concat(p.words).forEach(function (t) { if (terms.indexOf(t) < 0) terms.push(t); }); });
      query.joins.forEach(function (t) { if (terms.indexOf(t) < 0) terms.push(t); });
      return lookup(m, terms).then(function (postings) {
        if (search !== state) return;
        var ranked = rank(query, postings);
        search.partial = ranked.partial;
        var kindIndex = kind ? m.kinds.indexOf(kind) : -1;
        search.pool = ranked.results.filter(function (e) { return kindIndex < 0 || e.kind === kindIndex; });
        if (!query.quoted) {
          var counts = {};
          ranked.results.forEach(function (e) { counts[m.kinds[e.kind]] = (counts[m.kinds[e.kind]] || 0) + 1; });
          form.querySelectorAll("input[name=kind]").forEach(function (radio) {
            var n = radio.value ? counts[radio.value] || 0 : ranked.results.length;
            radio.parentNode.querySelector(".count").textContent = String(n);
          });
        }
        return fill(search, PAGE);
      });
    }).catch(function () {
      if (search === state) status.textContent = app.dataset.error;
      meta = null;
      shardCache.clear();
      docCache.clear();
    });
  }
  function fromAddress() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    setKind(params.get("kind") || "");
    return run();
  }
  function toAddress(push) {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    if (selectedKind()) params.set("kind", selectedKind());
    var address = location.pathname + (params.toString() ? "?" + params.toString() : "");
    if (push) history.pushState(null, "", address); else history.replaceState(null, "", address);
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    toAddress(true);
    run();
  });
  form.addEventListener("change", function (event) {
    if (event.target.name !== "kind") return;
    toAddress(false);
    run();
  });
  more.addEventListener("click", function () {
    if (!state) return;
    var first = list.children.length;
    fill(state, first + PAGE).then(function () {
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) link.focus();
    });
  });
  window.addEventListener("popstate", fromAddress);

  // For tests and the benchmark: the same segmentation the search uses.
  window.zhuanlanSearch = { normalize: normalize, terms: termsOf, words: wordsOf, hash: fnv1a, parse: parseQuery,
                           decode: decodePostings };
  app.hidden = false;
  var header = document.getElementById("site-search-q");
  if (header) header.value = new URLSearchParams(location.search).get("q") || "";
  fromAddress();
})();
