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
  // Remove a row of the effects grid: its fields are no longer sent, so saving removes its
  // amounts. The keyboard goes on to the next row (or the row before, or "Add a row") and the
  // status line says what happened. Without the script a row is removed by emptying its cells.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".remove-row") : null;
    if (!button) { return; }
    var row = button.closest(".grid-row");
    var form = button.closest("form");
    if (!row || !form) { return; }
    var next = row.nextElementSibling || row.previousElementSibling;
    var focus = next ? next.querySelector("select") : form.querySelector("button[name=add_row]");
    row.parentNode.removeChild(row);
    var status = form.querySelector("#grid-status");
    if (status) { status.textContent = button.getAttribute("data-removed"); }
    if (focus) { focus.focus(); }
  });
  // A live region gets new text out of band (the simulator's summary, the PDF's progress): when
  // the text is what it was, leave it alone, or a screen reader says it again on every poll.
  document.addEventListener("htmx:oobBeforeSwap", function (event) {
    var target = event.detail.target;
    if (target && target.getAttribute("role") === "status" &&
        event.detail.fragment.textContent.trim() === target.textContent.trim()) {
      event.detail.shouldSwap = false;
    }
  });
  // A simulator toggle sends the ticked codes as one field, a code a line, rather than a field
  // per checkbox: with a few hundred proposals that is most of what the server parses on each
  // tick. The plain form (Calculate, Save) still posts a field each; the server reads both.
  document.addEventListener("htmx:configRequest", function (event) {
    var elt = event.detail.elt;
    if (!elt.classList || !elt.classList.contains("simulator-proposals")) { return; }
    var formData = event.detail.formData;
    var codes = formData.getAll("chosen");
    formData.delete("chosen");
    formData.append("chosen", codes.join("\n"));
  });
  // Back (or reload) to the simulator: the browser may restore the ticks without the totals
  // that went with them. Recalculate when what is ticked is not what the page came with.
  window.addEventListener("pageshow", function (event) {
    var region = document.querySelector(".simulator-proposals");
    if (event.persisted || !region || !window.htmx) { return; }
    var boxes = region.querySelectorAll("input[type=checkbox]");
    for (var i = 0; i < boxes.length; i++) {
      if (boxes[i].checked !== boxes[i].defaultChecked) {
        window.htmx.trigger(region, "change");
        return;
      }
    }
  });
})();
