/* timeline: progressive enhancement.  Everything works without it: the
   links in the chart, the list and the notes are plain anchors.  This adds
   focus management, the lane/tag filter and footnote previews.  It runs
   once per .tl-root, so several timelines can share a page. */
(function () {
  "use strict";
  var XLINK = "http://www.w3.org/1999/xlink";
  var motion = !(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);

  function hrefOf(a) {
    return a.getAttribute("href") || a.getAttributeNS(XLINK, "href") || "";
  }
  function closest(node, selector) {
    while (node && node.nodeType === 1) {
      if (node.matches(selector)) { return node; }
      node = node.parentNode;
    }
    return null;
  }
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  function setup(root) {
    if (root.getAttribute("data-tl-ready")) { return; }
    root.setAttribute("data-tl-ready", "1");
    var p = root.getAttribute("data-tl-prefix") || "tl";
    // The page carries one chart per width (wide, column, phone); CSS shows one of them.
    var charts = root.querySelectorAll(".tl-chart");
    function inChart(node) {
      return Array.prototype.some.call(charts, function (c) { return c.contains(node); });
    }
    function shownGroup(eventId) {
      var groups = root.querySelectorAll(".tl-chart [data-event]"), i;
      for (i = 0; i < groups.length; i += 1) {
        if (groups[i].getAttribute("data-event") === eventId && groups[i].getClientRects().length) { return groups[i]; }
      }
      return null;
    }

    function find(id) {
      var el = document.getElementById(id);
      return el && root.contains(el) ? el : null;
    }
    function mark(el) {
      each(root.querySelectorAll(".tl-current"), function (x) { x.classList.remove("tl-current"); });
      if (el) { el.classList.add("tl-current"); }
    }
    function reveal(target, focusable) {
      target.scrollIntoView({ behavior: motion ? "smooth" : "auto", block: "center" });
      if (!focusable.hasAttribute("tabindex") && !focusable.matches("a[href], a, button, input, select")) {
        focusable.setAttribute("tabindex", "-1");
      }
      focusable.focus({ preventScroll: true });
    }
    function follow(id) {
      var target = find(id);
      if (id.indexOf(p + "-ev-") === 0 && target) {
        // The link names the wide chart's event; go to it in the chart that is shown.
        target = shownGroup(target.getAttribute("data-event")) || target;
      }
      if (!target) { return false; }
      if (id.indexOf(p + "-ev-") === 0) {
        // Back to the chart: focus the event's own link so Enter returns to the list.
        var link = target.querySelector("a") || target;
        mark(target);
        reveal(target, link);
      } else {
        if (id.indexOf(p + "-item-") === 0) { mark(target); }
        reveal(target, target);
      }
      return true;
    }

    root.addEventListener("click", function (event) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) { return; }
      var a = closest(event.target, "a");
      if (!a) { return; }
      var href = hrefOf(a);
      if (href.charAt(0) !== "#") { return; }
      if (follow(decodeURIComponent(href.slice(1)))) { event.preventDefault(); }
    });
    // A chart may make whole event groups focusable instead of links.
    root.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") { return; }
      var group = closest(event.target, "[data-event]");
      if (group && inChart(group) && event.target === group) {
        if (follow(p + "-item-" + group.getAttribute("data-event"))) { event.preventDefault(); }
      }
    });

    // Filter the list (and dim the chart) by lane or tag.
    var filters = root.querySelector("[data-tl-filters]");
    if (filters) {
      var items = root.querySelectorAll(".tl-event");
      var status = filters.querySelector(".tl-filter-status");
      var apply = function () {
        var lane = "", tag = "", shown = 0, visible = {};
        each(filters.querySelectorAll("select[data-tl-filter]"), function (s) {
          if (s.getAttribute("data-tl-filter") === "lane") { lane = s.value; } else { tag = s.value; }
        });
        each(items, function (li) {
          var tags = (li.getAttribute("data-tags") || "").split(" ");
          var ok = (!lane || li.getAttribute("data-lane") === lane) && (!tag || tags.indexOf(tag) >= 0);
          li.hidden = !ok;
          if (ok) { shown += 1; visible[li.getAttribute("data-event")] = true; }
        });
        each(root.querySelectorAll(".tl-chart [data-event]"), function (g) {
          g.classList.toggle("tl-dimmed", !visible[g.getAttribute("data-event")]);
        });
        if (status) {
          status.textContent = (lane || tag) ? "Showing " + shown + " of " + items.length + " events." : "";
        }
      };
      filters.addEventListener("change", apply);
      filters.hidden = false;
    }

    // Footnote previews on hover and focus.
    var tip = document.createElement("div");
    tip.className = "tl-tip";
    tip.id = p + "-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    root.appendChild(tip);
    var current = null, timer = null;
    function noteLink(node) {
      var a = closest(node, "a");
      if (!a || !root.contains(a)) { return null; }
      return hrefOf(a).indexOf("#" + p + "-note-") === 0 ? a : null;
    }
    function show(a) {
      clearTimeout(timer);
      var note = find(hrefOf(a).slice(1));
      var text = note && note.querySelector(".tl-note-text");
      if (!text) { return; }
      if (current && current !== a) { current.removeAttribute("aria-describedby"); }
      current = a;
      tip.textContent = "";
      var num = document.createElement("strong");
      num.textContent = hrefOf(a).slice(("#" + p + "-note-").length) + ". ";
      tip.appendChild(num);
      tip.appendChild(document.createTextNode(text.textContent));
      tip.hidden = false;
      a.setAttribute("aria-describedby", tip.id);
      var r = a.getBoundingClientRect(), box = root.getBoundingClientRect();
      var left = Math.max(0, Math.min(r.left - box.left, box.width - tip.offsetWidth));
      tip.style.left = left + "px";
      tip.style.top = (r.bottom - box.top + 6) + "px";
    }
    function hide() {
      tip.hidden = true;
      if (current) { current.removeAttribute("aria-describedby"); current = null; }
    }
    function hideSoon() { clearTimeout(timer); timer = setTimeout(hide, 200); }
    root.addEventListener("mouseover", function (e) { var a = noteLink(e.target); if (a) { show(a); } });
    root.addEventListener("mouseout", function (e) { if (noteLink(e.target)) { hideSoon(); } });
    root.addEventListener("focusin", function (e) { var a = noteLink(e.target); if (a) { show(a); } });
    root.addEventListener("focusout", function (e) { if (noteLink(e.target)) { hide(); } });
    tip.addEventListener("mouseover", function () { clearTimeout(timer); });
    tip.addEventListener("mouseout", hideSoon);
    document.addEventListener("keydown", function (e) { if (e.key === "Escape" && !tip.hidden) { hide(); } });
  }

  function init() { each(document.querySelectorAll(".tl-root[data-tl-prefix]"), setup); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
}());
