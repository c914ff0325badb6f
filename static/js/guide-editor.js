// The guide's rich-text editor (django-prose-editor, partnerships/forms.RichTextEditor).
//
// The same editor as the package's "configurable" preset, started without Tiptap's <style>
// element (injectCSS), which the Content-Security-Policy refuses: its rules are in
// static/css/portal.css. The editing area is named after the field's label and marked with
// the language of its text, for screen readers and spell checkers.
import * as prose from "django-prose-editor/editor";

const ATTRIBUTE = "data-django-prose-editor-guide";

function labelText(textarea) {
  const label = textarea.id ? document.querySelector(`label[for="${textarea.id}"]`) : null;
  return label ? label.textContent.replace(/\s+/g, " ").trim() : "";
}

function create(textarea) {
  if (textarea.closest(".prose-editor")) {
    return null;
  }
  const config = JSON.parse(textarea.getAttribute(ATTRIBUTE) || "{}");
  const extensions = [];
  for (const [name, options] of Object.entries(config.extensions || {})) {
    const extension = prose[name];
    if (extension) {
      extensions.push(typeof options === "object" ? extension.configure(options) : extension);
    }
  }
  const disabled = textarea.hasAttribute("disabled");
  const wrapper = prose.crel("div", { className: `prose-editor${disabled ? " disabled" : ""}` });
  if (textarea.lang) {
    wrapper.lang = textarea.lang;
  }
  textarea.before(wrapper);
  wrapper.append(textarea);
  const attributes = { role: "textbox", "aria-multiline": "true" };
  const label = labelText(textarea);
  if (label) {
    attributes["aria-label"] = label;
  }
  const described = textarea.getAttribute("aria-describedby");
  if (described) {
    attributes["aria-describedby"] = described;
  }
  if (textarea.lang) {
    attributes.lang = textarea.lang;
  }
  const editor = new prose.Editor({
    element: wrapper,
    editable: !disabled,
    extensions,
    content: textarea.value,
    injectCSS: false,
    editorProps: { attributes },
    onUpdate({ editor: changed }) {
      const html = changed.getHTML();
      // An empty document is "<p></p>": nothing was written.
      textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
    onDestroy() {
      wrapper.before(textarea);
      wrapper.remove();
    },
  });
  textarea.dispatchEvent(
    new CustomEvent("prose-editor:ready", { detail: { editor, textarea }, bubbles: true }),
  );
  return editor;
}

prose.initializeEditors(create, `[${ATTRIBUTE}]`);
