// Switchboard portal enhancements. Every link works without this script.
(function () {
  "use strict";

  function copied(button) {
    button.classList.add("copied");
    button.setAttribute("aria-label", "Copied");
    setTimeout(function () { button.classList.remove("copied"); button.removeAttribute("aria-label"); }, 1500);
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "absolute";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button.copy") : null;
    if (!button) return;
    var text = button.getAttribute("data-copy") || "";
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { copied(button); }, function () {
        if (fallbackCopy(text)) copied(button);
      });
    } else if (fallbackCopy(text)) {
      copied(button);
    }
  });
})();
