// Switchboard: the teams an employee says they are in (kept in this browser, like favourites).
// Launches those teams hold come first; the others are marked and, where the portal has a
// request_access link, offer it instead of a sign-in that would fail. Without a choice, or
// without this script, every page shows every launch as it is.
(function () {
  "use strict";

  var STORE = "switchboard:teams";
  var root = document.body.getAttribute("data-root") || "";

  function chosen() {
    try {
      var list = JSON.parse(window.localStorage.getItem(STORE) || "[]");
      return Array.isArray(list) ? list.filter(function (team) { return team && typeof team.key === "string"; }) : [];
    } catch (e) { return []; }
  }
  function choose(list) {
    try { window.localStorage.setItem(STORE, JSON.stringify(list)); } catch (e) { /* not persisted */ }
  }
  // Only the links the portal generated: https and mailto.
  function safeRequest(url) { return /^(https:\/\/|mailto:)/.test(url || "") ? url : null; }

  function apply() {
    var teams = chosen();
    var keys = teams.map(function (team) { return team.key; });
    var roles = Array.prototype.slice.call(document.querySelectorAll("[data-teams]"));
    roles.forEach(function (role) {
      var holders = (role.getAttribute("data-teams") || "").split(" ").filter(Boolean);
      var yours = keys.length === 0 || holders.some(function (key) { return keys.indexOf(key) !== -1; });
      role.classList.toggle("not-yours", !yours);
      var note = role.querySelector(".not-yours-note");
      var step1 = role.querySelector("a.step1");
      var request = role.querySelector("a.request");
      if (yours) {
        if (note) note.remove();
        if (request) request.remove();
        if (step1) step1.hidden = false;
        return;
      }
      if (!note) {
        note = document.createElement("p");
        note.className = "not-yours-note";
        note.textContent = "Not held by your teams";
        var heading = role.querySelector(".role-level");
        heading.parentNode.insertBefore(note, heading.nextSibling);
      }
      var url = safeRequest(role.getAttribute("data-request-access"));
      if (url && step1 && !request) {
        request = document.createElement("a");
        request.className = "button request";
        request.href = url;
        request.target = "_blank";
        request.rel = "noopener";
        request.textContent = "Request access";
        step1.parentNode.insertBefore(request, step1);
        step1.hidden = true;
      }
    });
    // Within each account, the launches of one's teams first (in their order), then the others.
    Array.prototype.forEach.call(document.querySelectorAll("ul.roles"), function (list) {
      var items = Array.prototype.slice.call(list.children);
      items.filter(function (item) { return !item.classList.contains("not-yours"); })
        .concat(items.filter(function (item) { return item.classList.contains("not-yours"); }))
        .forEach(function (item) { list.appendChild(item); });
    });
    showStatus(teams, roles.length > 0);
  }

  function showStatus(teams, hasLaunches) {
    var status = document.getElementById("team-status");
    if (!hasLaunches || document.getElementById("teams")) { if (status) status.remove(); return; }
    if (teams.length === 0) { if (status) status.remove(); return; }
    if (!status) {
      status = document.createElement("p");
      status.id = "team-status";
      status.className = "team-status";
      var main = document.getElementById("main");
      main.insertBefore(status, main.querySelector("h1").nextSibling);
    }
    status.textContent = "Launches of your teams (" + teams.map(function (team) { return team.name; }).join(", ") + ") come first. ";
    var change = document.createElement("a");
    change.href = root + "index.html#teams";
    change.textContent = "Change your teams";
    status.appendChild(change);
  }

  function setUpChooser() {
    var section = document.getElementById("teams");
    if (!section) return;
    section.hidden = false;
    var boxes = Array.prototype.slice.call(section.querySelectorAll("input[name=team]"));
    var keys = chosen().map(function (team) { return team.key; });
    boxes.forEach(function (box) {
      box.checked = keys.indexOf(box.value) !== -1;
      box.addEventListener("change", function () {
        choose(boxes.filter(function (b) { return b.checked; })
          .map(function (b) { return { key: b.value, name: b.getAttribute("data-name") }; }));
        apply();
      });
    });
  }

  setUpChooser();
  apply();
})();
