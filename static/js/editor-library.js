// The media library beside each rich-text editor (medialibrary.widgets.RichTextWidget):
// "Chèn ảnh từ thư viện" opens a dialog of the library's pictures; the one
// chosen is inserted with the alt text (and caption) typed in the dialog.
// A picture uploaded through the editor gets the same dialog, asking its
// alt text. The editor instance comes from django-ckeditor-5's registry
// (window.editors, window.ckeditorRegisterCallback).
"use strict";
(function () {
  function whenEditor(id, callback) {
    if (window.editors && window.editors[id]) {
      callback(window.editors[id]);
    } else if (window.ckeditorRegisterCallback) {
      window.ckeditorRegisterCallback(id, callback);
    }
  }

  function element(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([name, value]) => node.setAttribute(name, value));
    (children || []).forEach((child) => node.append(child));
    return node;
  }

  class LibraryDialog {
    constructor(pickerUrl) {
      const template = document.getElementById("editor-library-dialog");
      this.dialog = template.content.firstElementChild.cloneNode(true);
      document.body.append(this.dialog);
      this.pickerUrl = pickerUrl;
      this.find = (selector) => this.dialog.querySelector(selector);
      this.grid = this.find(".editor-library-dialog__grid");
      this.status = this.find(".editor-library-dialog__status");
      this.search = this.find("#editor-library-search");
      this.alt = this.find("#editor-library-alt");
      this.caption = this.find("#editor-library-caption");
      this.error = this.find(".editor-library-dialog__error");
      this.dialog.addEventListener("click", (event) => this.onClick(event));
      this.dialog.addEventListener("keydown", (event) => this.onKey(event));
      this.dialog.addEventListener("close", () => this.onClose());
      this.alt.addEventListener("input", () => {
        if (this.alt.value.trim()) {
          this.error.hidden = true;
          this.alt.removeAttribute("aria-invalid");
        }
      });
    }

    // Picking a picture to insert into `editor`.
    pick(editor) {
      this.editor = editor;
      this.uploaded = null;
      this.showBrowse();
      this.dialog.showModal();
      this.load(1, true);
      this.search.focus();
    }

    // Asking the alt text of `imageElement`, just uploaded into `editor`.
    describe(editor, imageElement, data) {
      this.editor = editor;
      this.uploaded = imageElement;
      this.showDescribe({ url: data.url || (data.urls && data.urls.default), alt: data.alt || "", caption: "" }, "upload");
      this.dialog.showModal();
      this.alt.focus();
    }

    showBrowse() {
      this.find(".editor-library-dialog__browse").hidden = false;
      this.find(".editor-library-dialog__describe").hidden = true;
    }

    showDescribe(item, mode) {
      this.item = item;
      this.find(".editor-library-dialog__browse").hidden = true;
      this.find(".editor-library-dialog__describe").hidden = false;
      this.dialog.querySelectorAll("[data-for]").forEach((node) => {
        node.hidden = node.dataset.for !== mode;
      });
      this.find(".editor-library-dialog__preview").src = item.thumbnail || item.url;
      this.alt.value = item.alt || "";
      this.caption.value = item.caption || "";
      this.error.hidden = true;
      this.alt.removeAttribute("aria-invalid");
    }

    async load(page, fresh) {
      const url = new URL(this.pickerUrl, window.location.href);
      url.searchParams.set("q", this.search.value);
      url.searchParams.set("page", page);
      this.status.textContent = "Đang tải ảnh…";
      const more = this.find(".editor-library-dialog__more");
      let answer;
      try {
        const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
        answer = await response.json();
        if (!response.ok) {
          throw new Error(answer.error || "");
        }
      } catch (error) {
        this.status.textContent = error.message || "Không tải được thư viện ảnh. Hãy thử lại.";
        more.hidden = true;
        return;
      }
      if (fresh) {
        this.grid.replaceChildren();
      }
      answer.items.forEach((item) => this.grid.append(this.tile(item)));
      this.status.textContent = answer.count
        ? `${answer.count} ảnh trong thư viện${this.search.value ? " khớp với từ tìm" : ""}.`
        : "Không có ảnh nào" + (this.search.value ? " khớp với từ tìm." : " trong thư viện.");
      this.nextPage = answer.next;
      more.hidden = !answer.next;
    }

    tile(item) {
      const image = element("img", { src: item.thumbnail, alt: "" });
      const label = element("span", { class: "editor-library-dialog__label" }, [item.alt || item.caption || item.name]);
      const button = element("button", { type: "button", class: "editor-library-dialog__item" }, [image, label]);
      button.addEventListener("click", () => {
        this.showDescribe(item, "pick");
        this.alt.focus();
      });
      return element("li", {}, [button]);
    }

    altText() {
      const alt = this.alt.value.trim();
      if (!alt) {
        this.error.hidden = false;
        this.alt.setAttribute("aria-invalid", "true");
        this.alt.focus();
      }
      return alt;
    }

    insert() {
      const alt = this.altText();
      if (!alt) {
        return;
      }
      const editor = this.editor;
      const caption = this.caption.value.trim();
      editor.execute("insertImage", { source: [{ src: this.item.url, alt: alt }] });
      const image = editor.model.document.selection.getSelectedElement();
      if (caption && image && image.is("element", "imageBlock")) {
        editor.model.change((writer) => {
          const node = writer.createElement("caption");
          writer.insertText(caption, node);
          writer.append(node, image);
        });
      }
      this.dialog.close();
      editor.editing.view.focus();
    }

    saveDescription() {
      const alt = this.altText();
      if (!alt) {
        return;
      }
      const image = this.uploaded;
      this.editor.model.change((writer) => writer.setAttribute("alt", alt, image));
      this.dialog.close();
    }

    onClick(event) {
      const action = event.target.closest("[data-action]");
      if (!action) {
        return;
      }
      const handlers = {
        close: () => this.dialog.close(),
        search: () => this.load(1, true),
        more: () => this.load(this.nextPage, false),
        back: () => {
          this.showBrowse();
          this.search.focus();
        },
        insert: () => this.insert(),
        describe: () => this.saveDescription(),
      };
      handlers[action.dataset.action]();
    }

    onKey(event) {
      if (event.key !== "Enter" || event.target.tagName !== "INPUT") {
        return;
      }
      // Enter runs the dialog's own action, never submits the admin form.
      event.preventDefault();
      if (event.target === this.search) {
        this.load(1, true);
      } else if (this.uploaded) {
        this.saveDescription();
      } else {
        this.insert();
      }
    }

    onClose() {
      if (this.editor) {
        this.editor.editing.view.focus();
      }
    }
  }

  let dialog = null;
  function libraryDialog(pickerUrl) {
    dialog = dialog || new LibraryDialog(pickerUrl);
    return dialog;
  }

  function attach(box) {
    const id = box.dataset.editor;
    if (!id || id.includes("__prefix__") || box.dataset.attached) {
      return;
    }
    box.dataset.attached = "1";
    whenEditor(id, (editor) => {
      box.querySelector(".editor-library__open").addEventListener("click", () => {
        libraryDialog(box.dataset.pickerUrl).pick(editor);
      });
      if (editor.plugins.has("ImageUploadEditing")) {
        editor.plugins.get("ImageUploadEditing").on("uploadComplete", (event, { data, imageElement }) => {
          libraryDialog(box.dataset.pickerUrl).describe(editor, imageElement, data);
        });
      }
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll(".editor-library").forEach(attach);
  });
})();
