"""Two-factor sign-in: its admin URLs and the panel on the account page."""

from wagtail import hooks

from sitecore.twofactor.panels import TwoFactorPanel
from sitecore.twofactor.urls import urlpatterns


@hooks.register("register_admin_urls")
def twofactor_admin_urls():
    return urlpatterns


@hooks.register("register_account_settings_panel")
def twofactor_account_panel(request, user, profile):
    return TwoFactorPanel(request, user, profile)
