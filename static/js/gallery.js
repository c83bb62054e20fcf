/* Album lightbox: the grid's links open the large image in a modal dialog.
 * Without JavaScript every thumbnail stays a plain link to the large image. */
(function () {
  "use strict";

  var grid = document.querySelector("[data-lightbox]");
  var dialog = document.querySelector("[data-lightbox-dialog]");
  if (!grid || !dialog) {
    return;
  }

  var links = Array.prototype.slice.call(grid.querySelectorAll(".photo-grid__link"));
  var image = dialog.querySelector(".lightbox__image");
  var caption = dialog.querySelector(".lightbox__caption");
  var counter = dialog.querySelector(".lightbox__counter");
  var prevButton = dialog.querySelector(".lightbox__prev");
  var nextButton = dialog.querySelector(".lightbox__next");
  var closeButton = dialog.querySelector(".lightbox__close");
  var current = -1;
  var opener = null;
  var swipeStart = null;

  function show(index) {
    current = (index + links.length) % links.length;
    var link = links[current];
    var thumb = link.querySelector("img");
    image.src = link.href;
    image.width = Number(link.dataset.width) || 0;
    image.height = Number(link.dataset.height) || 0;
    image.alt = thumb ? thumb.alt : "";
    caption.textContent = link.dataset.caption || "";
    caption.hidden = !link.dataset.caption;
    counter.textContent = "Ảnh " + (current + 1) + "/" + links.length;
    var single = links.length < 2;
    prevButton.hidden = single;
    nextButton.hidden = single;
    if (!single) {
      // Fetch the neighbours now so moving through the album does not wait.
      new Image().src = links[(current + 1) % links.length].href;
      new Image().src = links[(current - 1 + links.length) % links.length].href;
    }
  }

  function open(index) {
    opener = links[index];
    show(index);
    dialog.hidden = false;
    document.documentElement.classList.add("has-lightbox");
    closeButton.focus();
  }

  function close() {
    dialog.hidden = true;
    document.documentElement.classList.remove("has-lightbox");
    image.src = "data:,";
    // Back to the thumbnail of the photo last shown, so the reader keeps their place.
    var target = links[current] || opener;
    if (target) {
      target.focus();
    }
    current = -1;
  }

  function focusables() {
    return Array.prototype.slice
      .call(dialog.querySelectorAll("button"))
      .filter(function (el) { return !el.hidden; });
  }

  function trapTab(event) {
    var items = focusables();
    if (!items.length) {
      return;
    }
    var first = items[0];
    var last = items[items.length - 1];
    var inside = dialog.contains(document.activeElement);
    if (event.shiftKey && (document.activeElement === first || !inside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
      event.preventDefault();
      first.focus();
    }
  }

  links.forEach(function (link, index) {
    link.addEventListener("click", function (event) {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
        return; // a new tab or window: let the browser follow the link
      }
      event.preventDefault();
      open(index);
    });
  });

  prevButton.addEventListener("click", function () { show(current - 1); });
  nextButton.addEventListener("click", function () { show(current + 1); });
  closeButton.addEventListener("click", close);

  // A click on the dark backdrop, outside the picture and the buttons, closes too.
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) {
      close();
    }
  });

  document.addEventListener("keydown", function (event) {
    if (dialog.hidden) {
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowLeft") {
      event.preventDefault();
      show(current - 1);
    } else if (event.key === "ArrowRight") {
      event.preventDefault();
      show(current + 1);
    } else if (event.key === "Tab") {
      trapTab(event);
    }
  });

  // Focus that escapes the dialog (a click elsewhere, assistive tech) comes back.
  document.addEventListener("focusin", function (event) {
    if (!dialog.hidden && !dialog.contains(event.target)) {
      closeButton.focus();
    }
  });

  // Swipe: a horizontal pointer move of 50px or more turns the page.
  image.addEventListener("pointerdown", function (event) {
    swipeStart = { x: event.clientX, y: event.clientY };
  });
  image.addEventListener("pointerup", function (event) {
    if (!swipeStart) {
      return;
    }
    var dx = event.clientX - swipeStart.x;
    var dy = event.clientY - swipeStart.y;
    swipeStart = null;
    if (Math.abs(dx) >= 50 && Math.abs(dx) > Math.abs(dy)) {
      show(dx < 0 ? current + 1 : current - 1);
    }
  });
  image.addEventListener("pointercancel", function () { swipeStart = null; });
  image.addEventListener("dragstart", function (event) { event.preventDefault(); });
})();
