// Switchboard portal enhancements: search, favourites, recents, copy buttons.
// Every link works without this script; it only adds conveniences.
(function () {
  "use strict";

  var root = document.body.getAttribute("data-root") || "";
  var FAVOURITES = "switchboard:favourites";
  var RECENTS = "switchboard:recents";
  var MAX_RECENTS = 8;

  // ---- storage (localStorage may be unavailable, e.g. in private modes) ----
  function load(name) {
    try { return JSON.parse(window.localStorage.getItem(name) || "[]") || []; } catch (e) { return []; }
  }
  function save(name, list) {
    try { window.localStorage.setItem(name, JSON.stringify(list)); } catch (e) { /* not persisted */ }
  }

  // ---- copy buttons ----
  function confirmCopy(button) {
    var label = button.textContent;
    button.classList.add("copied");
    button.textContent = "Copied";
    setTimeout(function () { button.classList.remove("copied"); button.textContent = label; }, 1500);
  }
  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "offscreen";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }
  function copy(button) {
    var text = button.getAttribute("data-copy") || "";
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { confirmCopy(button); },
        function () { if (fallbackCopy(text)) confirmCopy(button); });
    } else if (fallbackCopy(text)) {
      confirmCopy(button);
    }
  }

  // ---- launches: one account and access level, for favourites and recents ----
  function launchOf(element) {
    var item = element.closest("[data-launch]");
    if (!item) return null;
    var step1 = item.querySelector("a.step1");
    var step2 = item.querySelector("a.step2");
    var page = location.pathname.split("/").slice(-3).join("/");
    var section = item.closest("section.account");
    return {
      key: item.getAttribute("data-launch"),
      label: item.getAttribute("data-label"),
      signIn: step1 ? step1.href : "",
      switchRole: step2 ? step2.href : "",
      page: page + (section ? "#" + section.id : "")
    };
  }
  function isFavourite(key) {
    return load(FAVOURITES).some(function (entry) { return entry.key === key; });
  }
  function toggleFavourite(button) {
    var launch = launchOf(button);
    if (!launch) return;
    var list = load(FAVOURITES).filter(function (entry) { return entry.key !== launch.key; });
    if (!isFavourite(launch.key)) list.unshift(launch);
    save(FAVOURITES, list);
    showStar(button, isFavourite(launch.key));
  }
  function showStar(button, on) {
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.textContent = on ? "★" : "☆";
  }
  function remember(link) {
    var launch = launchOf(link);
    if (!launch) return;
    var list = load(RECENTS).filter(function (entry) { return entry.key !== launch.key; });
    list.unshift(launch);
    save(RECENTS, list.slice(0, MAX_RECENTS));
  }

  // Only links the portal generated (https) and pages inside the portal are shown.
  function safeURL(url) { return /^https:\/\//.test(url) ? url : null; }
  function safePage(page) { return /^clients\/[a-z0-9-]+\/index\.html(#[A-Za-z0-9-]+)?$/.test(page) ? page : null; }

  function renderShortcuts(sectionId, list) {
    var section = document.getElementById(sectionId);
    if (!section) return;
    var target = section.querySelector("ul");
    target.textContent = "";
    list.forEach(function (entry) {
      var page = safePage(entry.page || ""), signIn = safeURL(entry.signIn || ""), switchRole = safeURL(entry.switchRole || "");
      if (!page || !signIn || !switchRole) return;
      var item = document.createElement("li");
      item.setAttribute("data-launch", entry.key);
      item.setAttribute("data-label", entry.label);
      var name = document.createElement("a");
      name.href = root + page;
      name.textContent = entry.label;
      var one = document.createElement("a");
      one.className = "button step1";
      one.href = signIn;
      one.rel = "noopener";
      one.textContent = "1. Sign in";
      var two = document.createElement("a");
      two.className = "button step2";
      two.href = switchRole;
      two.rel = "noopener";
      two.textContent = "2. Switch role";
      item.appendChild(name);
      item.appendChild(one);
      item.appendChild(two);
      target.appendChild(item);
    });
    section.hidden = target.children.length === 0;
  }

  // ---- search ----
  function setUpSearch() {
    var input = document.getElementById("search");
    if (!input) return;
    input.closest("search").hidden = false;
    var status = document.getElementById("search-status");
    var groups = Array.prototype.slice.call(document.querySelectorAll("[data-search-group]"));
    // What is counted: the nouns the templates give the groups and rows ("2 accounts in 1 client").
    var groupNoun = groups.length && groups[0].getAttribute("data-search-group");
    var firstRow = document.querySelector("[data-search-row]");
    var rowNoun = firstRow && firstRow.getAttribute("data-search-row");
    function counted(count, noun) { return count + " " + noun + (count === 1 ? "" : "s"); }
    function describe(shownGroups, shownRows) {
      if (shownGroups === 0) return "No matches";
      if (!groupNoun) return shownGroups + (shownGroups === 1 ? " match" : " matches");
      if (!rowNoun || shownRows === 0) return counted(shownGroups, groupNoun);
      return counted(shownRows, rowNoun) + " in " + counted(shownGroups, groupNoun);
    }
    var entries = groups.map(function (group) {
      return {
        element: group,
        text: group.getAttribute("data-search"),
        rows: Array.prototype.slice.call(group.querySelectorAll("[data-search-row]")).map(function (row) {
          return { element: row, text: row.getAttribute("data-search") };
        })
      };
    });
    function matches(text, terms) {
      for (var i = 0; i < terms.length; i++) { if (text.indexOf(terms[i]) === -1) return false; }
      return true;
    }
    function apply() {
      var terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shownGroups = 0, shownRows = 0;
      entries.forEach(function (entry) {
        var visibleRows = 0;
        entry.rows.forEach(function (row) {
          var show = matches(entry.text + " " + row.text, terms);
          row.element.hidden = !show;
          if (show) visibleRows++;
        });
        var show = entry.rows.length ? visibleRows > 0 : matches(entry.text, terms);
        entry.element.hidden = !show;
        if (show) { shownGroups++; shownRows += visibleRows; }
      });
      status.textContent = terms.length === 0 ? "" : describe(shownGroups, shownRows);
    }
    function resultLinks() {
      return Array.prototype.slice.call(document.querySelectorAll("[data-search-group]:not([hidden]) [data-result-link]"));
    }
    input.addEventListener("input", apply);
    input.addEventListener("keydown", function (event) {
      var links = resultLinks();
      if (event.key === "Enter" && links.length) { event.preventDefault(); links[0].click(); }
      if (event.key === "ArrowDown" && links.length) { event.preventDefault(); links[0].focus(); }
      if (event.key === "Escape") { input.value = ""; apply(); }
    });
    document.addEventListener("keydown", function (event) {
      var active = document.activeElement;
      var typing = active && (active.tagName === "INPUT" || active.tagName === "TEXTAREA" || active.isContentEditable);
      if (event.key === "/" && !typing) { event.preventDefault(); input.focus(); input.select(); return; }
      var onResult = event.target.hasAttribute && event.target.hasAttribute("data-result-link");
      if ((event.key === "ArrowDown" || event.key === "ArrowUp") && onResult) {
        var links = resultLinks(), index = links.indexOf(active);
        event.preventDefault();
        if (event.key === "ArrowDown" && index < links.length - 1) links[index + 1].focus();
        if (event.key === "ArrowUp") { if (index > 0) links[index - 1].focus(); else input.focus(); }
      }
    });
    if (input.value) apply();
  }

  // ---- sortable tables: a header button sorts by its column, again for the other direction ----
  function setUpSorting() {
    Array.prototype.forEach.call(document.querySelectorAll("button.sort"), function (button) {
      button.hidden = false;
      var label = button.parentNode.querySelector(".sort-label");
      if (label) label.hidden = true;
      button.addEventListener("click", function () {
        var header = button.parentNode;
        var table = header.closest("table");
        var column = Number(button.getAttribute("data-column"));
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.querySelectorAll("thead th"), function (th) {
          if (th.hasAttribute("aria-sort")) th.setAttribute("aria-sort", "none");
        });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].textContent.trim(), y = b.cells[column].textContent.trim();
          return ascending ? x.localeCompare(y) : y.localeCompare(x);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  // ---- wiring ----
  Array.prototype.forEach.call(document.querySelectorAll("button.copy, button.star"), function (button) {
    button.hidden = false;
  });
  Array.prototype.forEach.call(document.querySelectorAll("button.star"), function (button) {
    var launch = launchOf(button);
    if (launch) showStar(button, isFavourite(launch.key));
  });
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!target.closest) return;
    var button = target.closest("button.copy");
    if (button) { copy(button); return; }
    var star = target.closest("button.star");
    if (star) { toggleFavourite(star); return; }
    var link = target.closest("a.step1, a.step2");
    if (link) remember(link);
  });
  renderShortcuts("favourites", load(FAVOURITES));
  renderShortcuts("recents", load(RECENTS));
  setUpSearch();
  setUpSorting();
})();
