// Small progressive enhancements for every page; the portal works without them.

// GOV.UK error summary: move focus to it on load, so screen readers read it and keyboard users
// start from the list of links to the fields with errors.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
});
