// Site-wide behaviour; loaded with `defer`, no inline scripts anywhere.
(function () {
  "use strict";

  // The welcome line scrolls (CSS); this button pauses and resumes it
  // (WCAG 2.2.2). Under prefers-reduced-motion the CSS keeps it still.
  document.querySelectorAll("[data-marquee]").forEach(function (marquee) {
    var toggle = marquee.querySelector("[data-marquee-toggle]");
    if (!toggle) return;
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var paused = marquee.classList.toggle("is-paused");
      toggle.setAttribute("aria-pressed", paused ? "true" : "false");
      toggle.textContent = paused ? "Tiếp tục" : "Tạm dừng";
    });
  });

  // The phone menu (a <details>, which opens without this): Escape or a
  // tap outside closes it, as people expect of a menu that covers the page.
  document.querySelectorAll(".main-nav__fold").forEach(function (fold) {
    var button = fold.querySelector("summary");
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && fold.open) {
        fold.open = false;
        button.focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (fold.open && !fold.contains(event.target)) fold.open = false;
    });
  });
})();
