// Progress of a board report being built: asks the status URL every few seconds and updates the
// page; when the build has finished it reloads once to show the download link (or the error).
(function () {
  "use strict";
  var section = document.getElementById("report-state");
  if (!section || section.dataset.finished === "true") { return; }
  var text = document.getElementById("report-status-text");
  var bar = document.getElementById("report-progress");
  function check() {
    fetch(section.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (state) {
        if (state.finished) { window.location.reload(); return; }
        if (bar) { bar.value = state.progress; bar.textContent = state.progress + "%"; }
        if (text) { text.textContent = state.status_label + " – " + state.progress + "% done."; }
        window.setTimeout(check, 2000);
      })
      .catch(function () { window.setTimeout(check, 5000); });
  }
  window.setTimeout(check, 1500);
})();
