"""Security headers that Django 5.2 does not set by itself."""

from django.conf import settings

# Public pages load nothing from elsewhere; the only frames are the on-demand map and
# video players. No inline script is allowed anywhere on the public site.
PUBLIC_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "media-src 'self'",
        "frame-src https://www.openstreetmap.org https://www.youtube-nocookie.com"
        " https://player.vimeo.com",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

# Wagtail 8's admin still renders per-widget inline scripts (date/time inputs, inline
# panels: page editor, village settings, image edit, user listing), each with a field
# id in it, so hashes cannot cover them and Wagtail's templates take no nonce:
# script-src keeps 'unsafe-inline' there. The rest is as strict as the public site.
# tests/test_security_admin_csp.py checks this in Chromium.
ADMIN_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "media-src 'self'",
        "frame-src 'self' https://www.openstreetmap.org https://www.youtube-nocookie.com"
        " https://www.youtube.com https://player.vimeo.com",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefixes = ("/admin/", "/django-admin/")

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if not request.path.startswith(self.admin_prefixes):
            response.setdefault("Content-Security-Policy", getattr(settings, "CSP", PUBLIC_CSP))
        else:
            response.setdefault(
                "Content-Security-Policy", getattr(settings, "ADMIN_CSP", ADMIN_CSP)
            )
        return response
