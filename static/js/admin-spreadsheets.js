// The export page's "Chọn tất cả" box (django-import-export), wired here
// rather than by an inline onchange, which the Content-Security-Policy refuses.
document.addEventListener("DOMContentLoaded", () => {
  const toggle = document.getElementById("select-all-toggle");
  if (!toggle) return;
  toggle.addEventListener("change", () => {
    document
      .querySelectorAll('.selectable-field-export-row input[type="checkbox"]')
      .forEach((box) => {
        box.checked = toggle.checked;
      });
  });
});
