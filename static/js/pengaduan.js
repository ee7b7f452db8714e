/* Pengaduan form: refresh the captcha image without reloading the page. */
(function () {
  "use strict";
  var button = document.querySelector("[data-captcha-refresh]");
  if (!button || !window.fetch) { return; }
  button.hidden = false;
  button.addEventListener("click", function () {
    fetch("/captcha/refresh/", { headers: { "X-Requested-With": "XMLHttpRequest" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        var field = button.closest(".captcha-field");
        field.querySelector("img.captcha").src = data.image_url;
        field.querySelector("input[name='captcha_0']").value = data.key;
        var input = field.querySelector("input[name='captcha_1']");
        input.value = "";
        input.focus();
      });
  });
  var summary = document.getElementById("ringkasan-galat");
  if (summary) { summary.focus(); }
})();
