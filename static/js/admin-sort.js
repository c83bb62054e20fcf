/* Admin lists ordered by drag and drop (django-admin-sortable2).
 * The library stores a drag at once and writes each moved row's new number
 * on its handle; this copies the number into the row's "thứ tự" input, so
 * the list's "Lưu" button afterwards keeps the new order instead of posting
 * the old numbers back. */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";

  // The admin loads its scripts in the page's head: wait for the list.
  var handles = document.querySelectorAll("#result_list .drag.handle");
  if (!handles.length || !window.MutationObserver) {
    return;
  }
  var observer = new MutationObserver(function (mutations) {
    mutations.forEach(function (mutation) {
      var handle = mutation.target;
      var row = handle.closest("tr");
      var input = row && row.querySelector(".field-order input");
      if (input) {
        input.value = handle.getAttribute("order");
        // What the page was given is now what the database holds.
        input.defaultValue = input.value;
      }
    });
  });
  Array.prototype.forEach.call(handles, function (handle) {
    observer.observe(handle, { attributes: true, attributeFilter: ["order"] });
  });
});
