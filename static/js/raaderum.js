/* Råderum's only script: start Det Fælles Designsystem, and keep things right after htmx swaps.
   Every page works without it. */
(function () {
  "use strict";
  function start() {
    document.documentElement.classList.remove("no-js");
    document.documentElement.classList.add("js");
    if (window.DKFDS && typeof window.DKFDS.init === "function") {
      window.DKFDS.init();
    }
  }
  document.addEventListener("DOMContentLoaded", start);
  document.addEventListener("htmx:afterSwap", function (event) {
    // The effects grid posts how many rows it has; a row added by htmx must be counted.
    var rows = document.querySelectorAll("#grid-rows .grid-row");
    var count = document.getElementById("grid-row-count");
    if (count && rows.length) {
      count.value = String(rows.length);
      if (event.detail.target && event.detail.target.id === "grid-rows") {
        var select = rows[rows.length - 1].querySelector("select");
        if (select) { select.focus(); }
      }
    }
  });
})();
