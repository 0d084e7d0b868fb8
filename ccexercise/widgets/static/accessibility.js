/* ccexercise: names and keyboard access ipywidgets leaves out (issue 20).
 * - A slider's handle (role=slider) gets its visible description as its name
 *   (jupyter-widgets/ipywidgets#2650), its readout too.
 * - A box that scrolls with nothing inside that takes the focus gets tabindex=0, so
 *   the keyboard can reach and scroll it (Voila's #rendered_cells, the projector's
 *   step deck, a wide table).
 * Runs once per page (JupyterLab: shown by the kernel; Voila: in the projector
 * template), then on every change to the page. */
(function () {
  if (window.ccAccessibility) { return; }
  window.ccAccessibility = true;
  function labelOf(slider) {
    var label = slider.querySelector(":scope > .widget-label");
    var text = label ? (label.textContent || "").trim() : "";
    return text || (label && label.title) || slider.title || "Slider";
  }
  function nameSliders(root) {
    root.querySelectorAll(".widget-slider").forEach(function (slider) {
      var name = labelOf(slider);
      var handles = slider.querySelectorAll(".noUi-handle");
      handles.forEach(function (handle, i) {
        var full = handles.length > 1 ? name + (i ? " (upper end)" : " (lower end)") : name;
        if (handle.getAttribute("aria-label") !== full) { handle.setAttribute("aria-label", full); }
      });
      slider.querySelectorAll(".widget-readout").forEach(function (readout) {
        var full = name + ": type a value";
        if (readout.getAttribute("aria-label") !== full) { readout.setAttribute("aria-label", full); }
      });
    });
  }
  var FOCUSABLE = "a[href], button:not([disabled]), input:not([disabled]), select, textarea, "
    + "[tabindex]:not([tabindex='-1']), [contenteditable='true']";
  function reachable(box) {  // something inside already takes the focus (and scrolls it)
    return Array.prototype.some.call(box.querySelectorAll(FOCUSABLE), function (el) {
      return el.getClientRects().length > 0;
    });
  }
  function reachScrollers(root) {
    var boxes = root.querySelectorAll("#rendered_cells, .jupyter-widgets.widget-box, .widget-html-content, "
      + ".jp-OutputArea-output, .widget-output");
    boxes.forEach(function (box) {
      if (box.hasAttribute("tabindex")) { return; }
      var style = window.getComputedStyle(box);
      var scrolls = /(auto|scroll)/.test(style.overflowY + " " + style.overflowX);
      var overflows = box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
      if (scrolls && (box.id === "rendered_cells" || (overflows && !reachable(box)))) {
        box.setAttribute("tabindex", "0");
      }
    });
  }
  var pending = false;
  function fix() {
    pending = false;
    nameSliders(document);
    reachScrollers(document);
  }
  function later() {
    if (!pending) { pending = true; window.setTimeout(fix, 50); }
  }
  function start() {
    fix();
    new MutationObserver(later).observe(document.body, {childList: true, subtree: true});
    window.addEventListener("resize", later);
  }
  if (document.body) { start(); } else { document.addEventListener("DOMContentLoaded", start); }
})();
