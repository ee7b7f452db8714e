/* Lets readers ask for a new captcha picture without reloading (and losing) the form.
   Without JavaScript the button stays hidden; reloading the page also gives a new code. */
(function () {
  document.querySelectorAll("[data-captcha-refresh]").forEach(function (button) {
    var box = button.closest(".captcha-box");
    var form = button.closest("form");
    if (!box || !form) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      fetch("/captcha/refresh/", { headers: { "X-Requested-With": "XMLHttpRequest" } })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          box.querySelector("img.captcha").src = data.image_url;
          form.querySelector("input[name$='captcha_0']").value = data.key;
          var input = form.querySelector("input[name$='captcha_1']");
          input.value = "";
          input.focus();
        });
    });
  });
})();
