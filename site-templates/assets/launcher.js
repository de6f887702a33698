// Switchboard launcher (home page): search every account × access level and launch it.
// The index (launcher/index.js) is a script loaded after the page has painted, so the page stays
// small at any scale and works from file:// (where fetch does not). The index carries each
// level's links with holes that the build made; this script only fills them (see `fill`).
// At most a screenful of results is drawn at a time, so typing stays within a frame.
(function () {
  "use strict";

  var section = document.getElementById("launcher");
  var portal = self.switchboardPortal;
  if (!section || !portal) return;
  var input = document.getElementById("launch");
  var status = document.getElementById("launch-status");
  var list = document.getElementById("launch-results");
  var more = document.getElementById("launch-more");
  var root = document.body.getAttribute("data-root") || "";
  var PAGE = 12;

  var data = null, hay = null, levelHay = null, byId = null;
  var results = [], shown = 0, selected = -1, lastQuery = null, lastCandidates = null;
  var favourites = new Set(); // the results that are favourites, as the last search found them

  // ---- the index ----
  function load() {
    var script = document.createElement("script");
    script.src = section.getAttribute("data-index");
    script.onload = function () { prepare(self.switchboardIndex); };
    script.onerror = function () {
      status.textContent = "The search index could not be loaded. Every account is on its client's page, listed below.";
    };
    document.head.appendChild(script);
  }
  function afterFirstPaint() { requestAnimationFrame(function () { setTimeout(load, 0); }); }
  if (document.readyState === "complete") afterFirstPaint(); else window.addEventListener("load", afterFirstPaint);

  function prepare(index) {
    if (!index || !index.accounts) return;
    data = index;
    var accounts = data.accounts, clients = data.clients;
    hay = new Array(accounts.length);
    for (var a = 0; a < accounts.length; a++) {
      var account = accounts[a], client = clients[account[0]];
      hay[a] = (client[0] + " " + client[1] + " " + account[1] + " " + account[2] + " " + account[3] + " " +
                account[4] + " " + account[5] + " " + account[6]).toLowerCase();
    }
    levelHay = new Array(clients.length * data.levels.length);
    performance.mark("switchboard:launcher-ready");
    search();
  }

  // `parts[0] + value0 + parts[1] + …`: how the build's holed texts are filled.
  function fill(parts, values, encode) {
    var text = parts[0];
    for (var i = 1; i < parts.length; i++) text += (encode ? encodeValue(values[i - 1]) : values[i - 1]) + parts[i];
    return text;
  }
  // Only RFC 3986 unreserved characters stay literal, as in the build's links.
  function encodeValue(value) {
    return encodeURIComponent(value).replace(/[!'()*]/g, function (c) { return "%" + c.charCodeAt(0).toString(16).toUpperCase(); });
  }
  // The values of a holed text (the inverse of `fill`, for keys); null when it does not fit.
  function unfill(parts, text) {
    if (text.indexOf(parts[0]) !== 0) return null;
    var at = parts[0].length, values = [];
    for (var i = 1; i < parts.length; i++) {
      var end = parts[i] === "" && i === parts.length - 1 ? text.length : text.indexOf(parts[i], at);
      if (end < 0) return null;
      values.push(text.slice(at, end));
      at = end + parts[i].length;
    }
    return at === text.length ? values : null;
  }

  function levelCount() { return data.levels.length; }
  function account(result) { return data.accounts[Math.floor(result / levelCount())]; }
  function level(result) { return result % levelCount(); }
  function keyOf(result) {
    var acc = account(result), client = data.clients[acc[0]];
    return fill(data.key, [client[1], acc[1], data.levels[level(result)][0]], false);
  }
  function signInURL(result) {
    var c = account(result)[0], l = level(result);
    return data.signInLinks[c + "." + l] || fill(data.signIn, [data.clients[c][3][l]], true);
  }
  function displayName(result) {
    var acc = account(result);
    return fill(data.displayName, [data.clients[acc[0]][0], acc[2], data.levels[level(result)][1]], false);
  }
  function switchRoleURL(result) {
    var a = Math.floor(result / levelCount()), l = level(result), acc = data.accounts[a];
    return data.switchRoleLinks[a + "." + l] || fill(data.levels[l][4], [acc[1], displayName(result)], true);
  }
  // A stored key (`slug/id/level`) back to its result, or -1 when the inventory no longer has it.
  function resultOf(key) {
    var values = unfill(data.key, key);
    if (!values) return -1;
    if (!byId) {
      byId = new Map();
      data.accounts.forEach(function (acc, a) { byId.set(acc[1], a); });
    }
    var a = byId.get(values[1]);
    var l = data.levels.findIndex(function (lv) { return lv[0] === values[2]; });
    if (a === undefined || l < 0 || data.clients[data.accounts[a][0]][1] !== values[0]) return -1;
    return data.accounts[a][7] & (1 << l) ? a * levelCount() + l : -1;
  }
  function hayOfLevel(c, l) {
    var i = c * levelCount() + l;
    if (levelHay[i] === undefined) {
      var lv = data.levels[l];
      levelHay[i] = (lv[0] + " " + lv[1] + " " + data.clients[c][3][l] + " " + lv[3]).toLowerCase();
    }
    return levelHay[i];
  }

  // ---- search: favourites, then recent launches, then the rest in portal order ----
  function shortcuts() {
    var seen = new Set(), favourites = [], recents = [];
    portal.favourites().forEach(function (entry) { add(entry, favourites); });
    portal.recents().forEach(function (entry) { add(entry, recents); });
    function add(entry, into) {
      var result = resultOf(entry.key);
      if (result >= 0 && !seen.has(result)) { seen.add(result); into.push(result); }
    }
    return { favourites: favourites, recents: recents };
  }

  function search() {
    if (!data) return;
    var query = input.value.trim().toLowerCase();
    var terms = query.split(/\s+/).filter(Boolean);
    var mine = shortcuts();
    favourites = new Set(mine.favourites);
    if (terms.length === 0) {
      lastQuery = null;
      results = mine.favourites.concat(mine.recents);
      draw(results.length ? "Your favourites and recent launches" : "Type to search " + data.accounts.length.toLocaleString("en") + " accounts");
      return;
    }
    // Typing on narrows what the last query found: only those accounts are looked at again.
    var candidates = lastQuery !== null && query.indexOf(lastQuery) === 0 ? lastCandidates : null;
    var recent = new Set(mine.recents);
    var first = [], second = [], rest = [], found = [];
    var accounts = data.accounts, levels = levelCount();
    var count = candidates ? candidates.length : accounts.length;
    for (var i = 0; i < count; i++) {
      var a = candidates ? candidates[i] : i, text = hay[a], missing = null;
      for (var t = 0; t < terms.length; t++) {
        if (text.indexOf(terms[t]) === -1) (missing || (missing = [])).push(terms[t]);
      }
      var acc = accounts[a], mask = acc[7], any = false;
      for (var l = 0; l < levels; l++) {
        if (!(mask & (1 << l))) continue;
        if (missing && !missing.every(function (term) { return hayOfLevel(acc[0], l).indexOf(term) !== -1; })) continue;
        var result = a * levels + l;
        any = true;
        (favourites.has(result) ? first : recent.has(result) ? second : rest).push(result);
      }
      if (any) found.push(a);
    }
    lastQuery = query;
    lastCandidates = found;
    results = first.concat(second, rest);
    draw(results.length ? null : "No launches match. Try fewer letters, or a client below.");
  }

  // ---- drawing: a screenful at a time ----
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }
  function launchLink(className, href, text, hidden) {
    var link = element("a", "button " + className, text);
    link.href = href;
    link.target = "_blank";
    link.rel = "noopener";
    link.appendChild(element("span", "offscreen", hidden));
    return link;
  }
  function row(result, position) {
    var acc = account(result), client = data.clients[acc[0]], lv = data.levels[level(result)];
    var item = element("li", "result role role-" + lv[2]);
    item.id = "launch-result-" + position;
    item.setAttribute("data-launch", keyOf(result));
    item.setAttribute("data-label", client[0] + " · " + acc[2] + " · " + lv[1]);
    var name = element("a", "result-name", client[0] + " · " + acc[2]);
    name.href = root + client[2] + "#" + fill(data.anchor, [acc[1]], false);
    var what = element("span", "result-what");
    var levelName = element("span", "role-level");
    var swatch = element("span", "swatch swatch-" + lv[2]);
    swatch.setAttribute("aria-hidden", "true");
    levelName.appendChild(swatch);
    levelName.appendChild(document.createTextNode(lv[1]));
    what.appendChild(levelName);
    what.appendChild(document.createTextNode(" "));
    what.appendChild(element("code", null, acc[1]));
    what.appendChild(document.createTextNode(" "));
    what.appendChild(element("span", "badge env env-" + acc[3], acc[3]));
    var launch = element("span", "launch");
    launch.appendChild(launchLink("step1", signInURL(result), "1 Sign in", " as " + client[3][level(result)]));
    launch.appendChild(document.createTextNode(" "));
    launch.appendChild(launchLink("step2", switchRoleURL(result), "2 Switch role", " to " + displayName(result)));
    var star = element("button", "star");
    star.type = "button";
    star.setAttribute("aria-label", "Favourite: " + item.getAttribute("data-label"));
    portal.showStar(star, favourites.has(result));
    item.appendChild(name);
    item.appendChild(what);
    item.appendChild(launch);
    item.appendChild(star);
    portal.showSignedIn(item);
    return item;
  }
  function draw(message) {
    list.textContent = "";
    shown = 0;
    selected = results.length ? 0 : -1;
    drawMore(message);
  }
  function drawMore(message) {
    var end = Math.min(results.length, shown + PAGE), rows = document.createDocumentFragment();
    for (var i = shown; i < end; i++) rows.appendChild(row(results[i], i));
    list.appendChild(rows);
    shown = end;
    var left = results.length - shown;
    more.hidden = left === 0;
    more.textContent = "Show " + Math.min(PAGE, left) + " more (" + left.toLocaleString("en") + " not shown)";
    highlight(message);
  }
  function describe(result) {
    var acc = account(result), client = data.clients[acc[0]];
    var next = portal.signedIn(signInURL(result)) ? "Enter: 2 Switch role" : "Enter: 1 Sign in as " + client[3][level(result)];
    return client[0] + " · " + acc[2] + " · " + data.levels[level(result)][1] + ". " + next + ".";
  }
  function highlight(message) {
    Array.prototype.forEach.call(list.children, function (item, i) {
      if (i === selected) item.setAttribute("aria-current", "true"); else item.removeAttribute("aria-current");
    });
    var count = results.length === 1 ? "1 launch" : results.length.toLocaleString("en") + " launches";
    status.textContent = message || (count + (selected >= 0 ? ". Selected: " + describe(results[selected]) : ""));
  }
  function select(position) {
    if (position >= shown && shown < results.length) drawMore();
    if (position < 0 || position >= shown) return;
    selected = position;
    highlight();
    list.children[selected].scrollIntoView({ block: "nearest" });
  }

  // ---- keys: / (or Ctrl+K) search, ↑/↓ choose, Enter the next step, Shift+Enter switch role, Esc clear ----
  input.addEventListener("input", search);
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { event.preventDefault(); select(selected + 1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); select(selected - 1); }
    else if (event.key === "Escape") { input.value = ""; search(); }
    else if (event.key === "Enter" && selected >= 0) {
      event.preventDefault();
      var item = list.children[selected], step1 = item.querySelector("a.step1");
      var step = event.shiftKey || portal.signedIn(step1.href) ? item.querySelector("a.step2") : step1;
      step.click();
      highlight();
    }
  });
  more.addEventListener("click", function () { var next = shown; drawMore(); select(next); });
  document.addEventListener("keydown", function (event) {
    var slash = event.key === "/" && !portal.typing();
    var k = (event.ctrlKey || event.metaKey) && (event.key === "k" || event.key === "K");
    if (slash || k) { event.preventDefault(); input.focus(); input.select(); }
  });
  // A launch from another row (or another tab of the portal) changes the marks and the shortcuts.
  document.addEventListener("switchboard:launched", function () { if (!input.value.trim()) search(); else highlight(); });

  section.hidden = false;
  status.textContent = "Loading the search index…";
})();
