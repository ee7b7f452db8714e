from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import BaseSettingsPanel

from sitecore.twofactor import core


class TwoFactorPanel(BaseSettingsPanel):
    """Status and a link on the account page; the steps themselves live on their own
    pages, since the account page is one big form saved at once."""

    name = "twofactor"
    title = _("Verifikasi dua langkah")
    order = 550
    template_name = "sitecore/twofactor/account_panel.html"

    def get_form(self):
        return forms.Form(prefix=self.name)  # nothing to save from here

    def get_context_data(self):
        return {
            "enrolled": core.is_enrolled(self.user),
            "required": core.is_required(self.user),
        }
