// "Add another action" on the activity report, in place. Without this file the button is a
// submit button and the page comes back with one more block (activities.forms.BaseReportActionFormSet).
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-add-action]").forEach(function (button) {
    var fieldset = button.closest("[data-formset-prefix]");
    var prefix = fieldset.getAttribute("data-formset-prefix");
    var total = fieldset.querySelector('input[name="' + prefix + '-TOTAL_FORMS"]');
    var max = fieldset.querySelector('input[name="' + prefix + '-MAX_NUM_FORMS"]');
    var template = fieldset.querySelector("template[data-action-template]");
    var rows = fieldset.querySelector("[data-action-rows]");
    if (!total || !template || !rows) {
      return;
    }
    // Not a submit button any more, so Enter in a field still files the report.
    button.type = "button";
    button.removeAttribute("formaction");
    button.addEventListener("click", function () {
      var index = parseInt(total.value, 10);
      var html = template.innerHTML.replace(/__prefix__/g, String(index)).replace(/__number__/g, String(index + 1));
      rows.insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
      var first = rows.lastElementChild.querySelector("textarea, input, select");
      if (first) {
        first.focus();
      }
      if (max && index + 1 >= parseInt(max.value, 10)) {
        button.hidden = true;
      }
    });
  });
});
