// ĐẾM LƯỢT TRUY CẬP. Pages are the same for every visitor and may come from
// a cache, so the visit is counted here: this calls the counter's address
// (visits.views.hit) when the visit is due to be counted or seen online
// again (the answer says in how many seconds), and on every article read,
// then shows the figures it answers in the block.
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script && script.getAttribute("data-visit-url");
  if (!url || !window.fetch) return;
  var KEY = "lhh-visit-next";

  function stored() {
    try {
      return Number(window.localStorage.getItem(KEY)) || 0;
    } catch (error) {
      return 0; // storage refused (private browsing): call every time
    }
  }

  function remember(seconds) {
    try {
      window.localStorage.setItem(KEY, String(Date.now() + seconds * 1000));
    } catch (error) {
      /* nothing to remember it in */
    }
  }

  function show(figures) {
    Object.keys(figures).forEach(function (name) {
      var cell = document.querySelector('[data-counter="' + name + '"]');
      if (cell) cell.textContent = figures[name];
    });
  }

  function call() {
    var article = document.querySelector("[data-visit-article]");
    if (!article && Date.now() < stored()) return;
    var address = article
      ? url + "?bai=" + encodeURIComponent(article.getAttribute("data-visit-article"))
      : url;
    fetch(address, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (answer) {
        if (!answer) return;
        show(answer.figures);
        remember(answer.again);
      })
      .catch(function () {
        /* offline: the page stays as it is */
      });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", call);
  } else {
    call();
  }
})();
