// Q&A form: a new captcha image without reloading the page. Without
// JavaScript the same button submits the form, which comes back with the
// typed values and a new image.
(function () {
  "use strict";

  document.querySelectorAll("[data-captcha]").forEach(function (box) {
    var button = box.querySelector("[data-captcha-refresh]");
    var image = box.querySelector("[data-captcha-image]");
    var key = box.querySelector("input[type=hidden]");
    var answer = box.querySelector("input[type=text]");
    if (!button || !image || !key) return;
    button.type = "button";
    button.addEventListener("click", function () {
      button.disabled = true;
      fetch(button.getAttribute("data-refresh-url"), {
        headers: { "X-Requested-With": "XMLHttpRequest" },
        credentials: "same-origin",
      })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (data) {
          key.value = data.key;
          image.src = data.image_url;
          if (answer) {
            answer.value = "";
            answer.focus();
          }
        })
        .catch(function () {
          // Fall back to the no-JavaScript path: submit for a new image.
          button.type = "submit";
          button.click();
        })
        .finally(function () {
          button.disabled = false;
        });
    });
  });
})();
