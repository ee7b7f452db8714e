/* "New code" button: asks the form's own URL for a fresh challenge of that form (its
   image and spoken version) without reloading, so what the reader typed is kept.
   Without JavaScript the button stays hidden; reloading the page also gives a new code. */
(function () {
  document.querySelectorAll("[data-captcha-refresh]").forEach(function (button) {
    var box = button.closest(".captcha-box");
    var form = button.closest("form");
    if (!box || !form || !window.fetch) return;
    var field = box.parentNode;
    button.hidden = false;
    button.addEventListener("click", function () {
      var url = new URL(form.getAttribute("action") || window.location.href, window.location.href);
      url.search = "?captcha=baru";
      url.hash = "";
      fetch(url, { headers: { "X-Requested-With": "XMLHttpRequest" }, credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          box.querySelector("img.captcha").src = data.image_url;
          form.querySelector("input[name$='captcha_0']").value = data.key;
          var audio = field.querySelector("[data-captcha-audio]");
          var link = field.querySelector("[data-captcha-audio-link]");
          if (audio && data.audio_url) { audio.src = url.pathname + data.audio_url; }
          if (link && data.audio_url) { link.href = url.pathname + data.audio_url; }
          var status = field.querySelector("[data-captcha-status]");
          if (status) { status.textContent = button.getAttribute("data-pesan") || ""; }
          var input = form.querySelector("input[name$='captcha_1']");
          input.value = "";
          input.focus();
        });
    });
  });
})();
