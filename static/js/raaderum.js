/* Råderum's only script: start Det Fælles Designsystem, and keep things right after htmx swaps.
   Every page works without it. */
(function () {
  "use strict";
  function startDesignSystem(scope) {
    if (window.DKFDS && typeof window.DKFDS.init === "function") {
      window.DKFDS.init(scope ? { scope: scope } : undefined);
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.documentElement.classList.remove("no-js");
    document.documentElement.classList.add("js");
    startDesignSystem();
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    // Components inside swapped content need the design system's behaviour too. Only when there
    // are any: a blanket init would also run DKFDS' error-summary focus and steal the focus
    // the swapped content asked for.
    if (target && target.querySelector(".accordion, .js-tooltip, .tab-container, .js-dropdown")) {
      startDesignSystem(target);
    }
    // A row added to the effects grid: put the keyboard where the new row starts.
    if (target && target.id === "grid-rows") {
      var rows = target.querySelectorAll(".grid-row");
      var select = rows.length ? rows[rows.length - 1].querySelector("select") : null;
      if (select) { select.focus(); }
    }
  });
})();
