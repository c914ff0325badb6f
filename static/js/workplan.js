// Work plan forms: an "Add another" button for the inline lists (resources, expected results).
// Without JavaScript the form still works: it always offers one blank item.
(function () {
  "use strict";
  document.querySelectorAll(".inline-formset").forEach(function (formset) {
    var prefix = formset.dataset.prefix;
    var total = formset.querySelector("input[name='" + prefix + "-TOTAL_FORMS']");
    var template = formset.querySelector("template.formset-empty");
    var list = formset.querySelector(".formset-forms");
    var button = formset.querySelector(".formset-add");
    if (!total || !template || !list || !button) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var index = parseInt(total.value, 10);
      var html = template.innerHTML.replace(/__prefix__/g, String(index));
      var holder = document.createElement("div");
      holder.innerHTML = html;
      var item = holder.firstElementChild;
      var number = item.querySelector(".formset-number");
      if (number) {
        number.textContent = String(index + 1);
      }
      list.appendChild(item);
      total.value = String(index + 1);
      var first = item.querySelector("textarea, input, select");
      if (first) {
        first.focus();
      }
    });
  });
})();
