/* Pengaduan form: move focus to the error summary (the captcha has its own script). */
(function () {
  "use strict";
  var summary = document.getElementById("ringkasan-galat");
  if (summary) { summary.focus(); }
})();
