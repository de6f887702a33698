// Switchboard portal enhancements: search, favourites, recents, copy buttons.
// Every link works without this script; it only adds conveniences.
(function () {
  "use strict";

  var FAVOURITES = "switchboard:favourites";
  var RECENTS = "switchboard:recents";
  var SIGNED_IN = "switchboard:signed-in";
  var MAX_RECENTS = 8;

  // ---- storage (localStorage may be unavailable, e.g. in private modes) ----
  // Favourites and recents are lists of {key, label}; the key (`slug/accountID/level`) is looked
  // up in the current inventory whenever they are shown, so their links are never stale.
  function read(store, name) {
    try { return JSON.parse(store.getItem(name) || "[]") || []; } catch (e) { return []; }
  }
  function write(store, name, list) {
    try { store.setItem(name, JSON.stringify(list)); } catch (e) { /* not persisted */ }
  }
  function load(name) {
    var stored = read(window.localStorage, name);
    var list = Array.isArray(stored) ? stored.filter(function (entry) {
      return entry && typeof entry.key === "string" && /^[a-z0-9-]+\/[0-9]{12}\/[A-Za-z0-9_.-]+$/.test(entry.key);
    }).map(function (entry) {
      return { key: entry.key, label: typeof entry.label === "string" ? entry.label : entry.key };
    }) : [];
    // Entries of earlier versions also kept their links and page: those are dropped here, once.
    if (JSON.stringify(list) !== JSON.stringify(stored)) write(window.localStorage, name, list);
    return list;
  }
  function save(name, list) { write(window.localStorage, name, list); }

  // ---- permission sets signed in to (step 1) in this tab's session ----
  function signedInList() { var list = read(window.sessionStorage, SIGNED_IN); return Array.isArray(list) ? list : []; }
  function signedIn(url) { return signedInList().indexOf(url) !== -1; }
  function markSignedIn(url) {
    if (signedIn(url)) return;
    write(window.sessionStorage, SIGNED_IN, signedInList().concat([url]));
  }
  // Marks every step-1 link inside `container` whose permission set was signed in to.
  function showSignedIn(container) {
    var done = signedInList();
    Array.prototype.forEach.call(container.querySelectorAll("a.step1"), function (link) {
      var on = done.indexOf(link.href) !== -1;
      var mark = link.querySelector(".signed-in");
      link.classList.toggle("is-signed-in", on);
      if (on && !mark) {
        mark = document.createElement("span");
        mark.className = "signed-in";
        mark.textContent = " ✓";
        var words = document.createElement("span");
        words.className = "offscreen";
        words.textContent = " (signed in during this session)";
        mark.appendChild(words);
        link.appendChild(mark);
      }
      if (!on && mark) mark.remove();
    });
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
    return item ? { key: item.getAttribute("data-launch"), label: item.getAttribute("data-label") } : null;
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

  // Whether keys go to a text field now (then `/` is a character, not the search shortcut).
  function typing() {
    var active = document.activeElement;
    return !!active && (active.tagName === "INPUT" || active.tagName === "TEXTAREA" || active.isContentEditable);
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
      if (event.key === "/" && !typing()) { event.preventDefault(); input.focus(); input.select(); return; }
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
        var column = header.cellIndex;
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.querySelectorAll("thead th"), function (th) {
          if (th.hasAttribute("aria-sort")) th.setAttribute("aria-sort", "none");
        });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].textContent.trim(), y = b.cells[column].textContent.trim();
          var order = x.localeCompare(y, undefined, { numeric: button.hasAttribute("data-numeric") });
          return ascending ? order : -order;
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
    if (!link) return;
    if (link.classList.contains("step1")) {
      markSignedIn(link.href);
      showSignedIn(document);
    }
    remember(link);
    document.dispatchEvent(new CustomEvent("switchboard:launched"));
  });
  showSignedIn(document);
  // What the home page's launcher (launcher.js) shares with this script.
  self.switchboardPortal = {
    favourites: function () { return load(FAVOURITES); },
    recents: function () { return load(RECENTS); },
    showStar: showStar,
    signedIn: signedIn,
    showSignedIn: showSignedIn,
    typing: typing
  };
  setUpSearch();
  setUpSorting();
})();
