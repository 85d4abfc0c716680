"use strict";
/* counterclaim analysis page: claims, citations, contradictions and trace entries jump to their
   evidence; evidence shows its claims. Reads only the page's own data-* attributes and never writes
   HTML (textContent only), so nothing the article or the model wrote can run. */
(function () {
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.ev"));
  var marksOfClaim = new Map();
  marks.forEach(function (mark) {
    mark.dataset.ev.split(" ").forEach(function (token) {
      var claim = token.split(".")[0];
      if (!marksOfClaim.has(claim)) { marksOfClaim.set(claim, []); }
      var list = marksOfClaim.get(claim);
      if (list.indexOf(mark) < 0) { list.push(mark); }
    });
  });
  var passage = document.getElementById("passage");
  var passageClaims = document.getElementById("passage-claims");
  var panel = document.getElementById("panel");

  function claimsOf(mark) {
    var seen = [];
    mark.dataset.ev.split(" ").forEach(function (token) {
      var claim = token.split(".")[0];
      if (seen.indexOf(claim) < 0) { seen.push(claim); }
    });
    return seen;
  }

  function clearSelection() {
    document.querySelectorAll(".selected").forEach(function (element) { element.classList.remove("selected"); });
    document.querySelectorAll("button.claim[aria-current]").forEach(function (element) {
      element.removeAttribute("aria-current");
    });
  }

  function select(claims) {
    clearSelection();
    claims.forEach(function (claim) {
      (marksOfClaim.get(claim) || []).forEach(function (mark) { mark.classList.add("selected"); });
      var entry = document.getElementById("claim-" + claim);
      if (entry) {
        entry.classList.add("selected");
        entry.setAttribute("aria-current", "true");
      }
    });
  }

  function flash(elements) {
    elements.forEach(function (element) {
      element.classList.remove("flash");
      void element.offsetWidth; /* restart the animation */
      element.classList.add("flash");
      window.setTimeout(function () { element.classList.remove("flash"); }, 1600);
    });
  }

  function showInPanel(claim) {
    var entry = document.getElementById("claim-" + claim);
    if (!entry || !panel || panel.scrollHeight <= panel.clientHeight) { return; }
    var top = entry.getBoundingClientRect().top - panel.getBoundingClientRect().top;
    if (top < 0 || top > panel.clientHeight - entry.offsetHeight) {
      panel.scrollTop += top - panel.clientHeight / 3;
    }
  }

  function goToClaims(claims) {
    var first = null;
    var all = [];
    claims.forEach(function (claim) {
      var found = marksOfClaim.get(claim) || [];
      if (!first && found.length) { first = found[0]; }
      all = all.concat(found);
    });
    select(claims);
    if (!first) { return; }
    first.scrollIntoView({ block: "center", inline: "nearest" });
    first.focus({ preventScroll: true });
    flash(all);
    showInPanel(claims[0]);
  }

  function showPassage(mark) {
    var claims = claimsOf(mark);
    select(claims);
    flash([mark]);
    while (passageClaims.firstChild) { passageClaims.removeChild(passageClaims.firstChild); }
    claims.forEach(function (claim) {
      var entry = document.getElementById("claim-" + claim);
      if (!entry) { return; }
      var item = document.createElement("li");
      var actor = entry.closest(".actor");
      var name = actor ? actor.querySelector("h3") : null;
      item.textContent = (name ? name.textContent.trim() + ": " : "") + entry.textContent.trim();
      item.dataset.passageClaim = claim;
      passageClaims.appendChild(item);
    });
    passage.hidden = false;
    showInPanel(claims[0]);
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (!target) { return; }
    var trigger = target.closest("[data-goto-claim], [data-goto-pair], [data-close-passage], mark.ev");
    if (!trigger) { return; }
    if (trigger.hasAttribute("data-close-passage")) {
      passage.hidden = true;
      clearSelection();
    } else if (trigger.hasAttribute("data-goto-pair")) {
      goToClaims(trigger.getAttribute("data-goto-pair").split(" "));
    } else if (trigger.hasAttribute("data-goto-claim")) {
      goToClaims([trigger.getAttribute("data-goto-claim")]);
    } else {
      showPassage(trigger);
    }
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target instanceof Element ? event.target : null;
    if (event.key === "Escape" && !passage.hidden) {
      passage.hidden = true;
      clearSelection();
      return;
    }
    if (!target || !target.matches("mark.ev") || (event.key !== "Enter" && event.key !== " ")) { return; }
    event.preventDefault();
    showPassage(target);
  });

  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (details) { details.open = true; });
  });
})();
