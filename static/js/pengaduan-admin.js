/* Pengaduan admin, workflow step: a response template fills the public note at once,
   and only templates for the chosen status are offered. Without JS the
   "Pakai template" button does the same on the server. */
(function () {
  "use strict";
  var select = document.querySelector("select[data-template-untuk]");
  if (!select) { return; }
  var target = document.getElementById(select.getAttribute("data-template-untuk"));
  var status = document.getElementById("id_ke_status");
  var button = document.querySelector("[data-template-tombol]");
  if (button) { button.hidden = true; }

  function filter() {
    if (!status) { return; }
    Array.prototype.forEach.call(select.querySelectorAll("option[data-status]"), function (o) {
      var match = o.getAttribute("data-status") === status.value;
      o.hidden = !match;
      o.disabled = !match;
    });
    Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (g) {
      g.hidden = !g.querySelector("option:not([disabled])");
    });
    if (select.selectedOptions.length && select.selectedOptions[0].disabled) { select.value = ""; }
  }

  select.addEventListener("change", function () {
    var option = select.selectedOptions[0];
    if (option && option.hasAttribute("data-teks") && target) {
      target.value = option.getAttribute("data-teks");
      target.focus();
    }
  });
  if (status) { status.addEventListener("change", filter); }
  filter();
})();
