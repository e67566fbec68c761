// storyline report: filters and click-through. The page's HTML already holds
// every event; this only hides what does not match and opens what is clicked.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var field = function (id) { return document.getElementById(id); };
  var items = Array.prototype.slice.call(document.querySelectorAll(".ev[data-event]"));
  var rows = items.filter(function (el) { return el.tagName.toLowerCase() === "details"; });

  // Same rule as TimelineFilter.in_window in views/timeline.py: an event is in
  // a date window when its best days (its interval, or the known end of an
  // open "≤" date) lie inside it; "or may be" also keeps events whose possible
  // dates merely overlap it. Undated events only without a window.
  function matches(el, f) {
    var d = el.dataset;
    if (f.type && d.type !== f.type) { return false; }
    if (f.modality && d.modality !== f.modality) { return false; }
    if (f.story && d.story !== f.story) { return false; }
    if (f.actor && d.actors.indexOf(f.actor) < 0) { return false; }
    if (f.since || f.until) {
      if (!d.earliest && !d.latest) { return false; }
      if (f.overlapping) {
        if (f.since && d.latest && d.latest < f.since) { return false; }
        if (f.until && d.earliest && d.earliest > f.until) { return false; }
      } else {
        var first = d.earliest || d.latest, last = d.latest || d.earliest;
        if (f.since && first < f.since) { return false; }
        if (f.until && last > f.until) { return false; }
      }
    }
    return true;
  }

  function apply() {
    var f = {
      type: field("f-type").value, modality: field("f-modality").value, story: field("f-story").value,
      actor: field("f-actor").value.trim().toLowerCase(),
      since: field("f-since").value, until: field("f-until").value,
      overlapping: field("f-overlapping").checked
    };
    var shown = 0;
    items.forEach(function (el) {
      var ok = matches(el, f);
      el.classList.toggle("off", !ok);
      if (ok && el.tagName.toLowerCase() === "details") { shown += 1; }
    });
    field("f-count").textContent = shown + " of " + rows.length + (rows.length === 1 ? " event" : " events");
    field("no-match").classList.toggle("off", shown > 0 || rows.length === 0);
  }

  function open(id) {
    var row = document.getElementById(id);
    if (!row) { return; }
    row.open = true;
    items.forEach(function (el) { el.classList.toggle("current", el.dataset.event === id); });
    row.scrollIntoView({ block: "center" });
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  document.querySelectorAll(".mark[data-event]").forEach(function (mark) {
    mark.addEventListener("click", function () { open(mark.dataset.event); });
    mark.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); open(mark.dataset.event); }
    });
  });
  document.querySelectorAll("a.jump[data-event]").forEach(function (a) {
    a.addEventListener("click", function (ev) { ev.preventDefault(); open(a.dataset.event); });
  });
  if (window.location.hash.length > 1) { open(decodeURIComponent(window.location.hash.slice(1))); }
  apply();
}());
