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
})();
