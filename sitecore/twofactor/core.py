"""Who needs a second factor, enrolment, backup codes and checking a code."""

import base64
import logging
from dataclasses import dataclass, field
from datetime import datetime

import qrcode
from django.conf import settings
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from qrcode.image.svg import SvgPathFillImage

logger = logging.getLogger("desa.twofactor")

TOTP_NAME = "authenticator"
BACKUP_NAME = "kode-cadangan"
BACKUP_CODE_COUNT = 10

VERIFY = "verify"
ENROL = "enrol"


def is_required(user):
    """Whether ADMIN_2FA_REQUIRED makes a second factor compulsory for this user."""
    policy = settings.ADMIN_2FA_REQUIRED
    return policy == "all" or (policy == "superusers" and user.is_superuser)


def is_enrolled(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_step(user):
    """What a signed-in but not OTP-verified session still owes: VERIFY, ENROL or None."""
    if is_enrolled(user):
        return VERIFY
    if is_required(user):
        return ENROL
    return None


@dataclass
class Result:
    """The device that accepted a code, or when the next try is allowed if throttled."""

    device: object = None
    locked_until: datetime | None = None
    backup_codes: list = field(default_factory=list)


def normalise(code):
    # Backup codes may be typed with spaces, dashes or capitals.
    return "".join(str(code).split()).replace("-", "").lower()


def _try(device, code):
    allowed, info = device.verify_is_allowed()
    if not allowed:
        return Result(locked_until=(info or {}).get("locked_until"))
    if device.verify_token(code):
        return Result(device=device)
    return None


def check_code(user, code):
    """Check a 6-digit authenticator code or a backup code (which is then used up).

    Six digits only ever go to the authenticator and anything else only to the backup
    codes, so someone guessing 6-digit codes never throttles the backup codes the real
    user may need. django-otp throttles each device in the database (1, 2, 4, 8 … seconds
    after consecutive failures), so it holds across sessions, app servers and fresh
    password sign-ins. Rows are locked so a backup code cannot be used twice at once.
    """
    code = normalise(code)
    model = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    with transaction.atomic():
        devices = model.objects.select_for_update().filter(user=user, confirmed=True)
        for device in devices.order_by("pk"):
            result = _try(device, code)
            if result is not None:
                return result
    return Result()


def enrolment_device(user):
    """The unconfirmed authenticator being set up; the same secret until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    return device


def confirm_enrolment(user, code):
    """Confirm the new authenticator with its first code; backup codes come with it."""
    with transaction.atomic():
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(user=user, confirmed=False)
            .order_by("-pk")
            .first()
        )
        if device is None:
            return Result()
        result = _try(device, normalise(code))
        if result is None or result.device is None:
            return result or Result()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        result.backup_codes = new_backup_codes(user)
    logger.info("two-factor sign-in enabled for user %s", user.pk)
    return result


def new_backup_codes(user):
    """Replace the user's backup codes; the plain codes are only ever shown once."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).exclude(name=BACKUP_NAME).delete()
        device, _ = StaticDevice.objects.get_or_create(
            user=user, name=BACKUP_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
        device.throttle_reset()
    return codes


def backup_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def remove_all(user):
    """Turn two-factor sign-in off for a user (disable, or an admin's reset_2fa)."""
    with transaction.atomic():
        removed = TOTPDevice.objects.filter(user=user).delete()[0]
        removed += StaticDevice.objects.filter(user=user).delete()[0]
    logger.info("two-factor sign-in removed for user %s", user.pk)
    return removed


def secret_text(device):
    """The base32 secret for typing into an app by hand, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_data_uri(text):
    """An SVG QR code drawn on the server, as a data: URI (the admin CSP allows
    img-src data:); no script or third-party service sees the secret."""
    image = qrcode.make(text, image_factory=SvgPathFillImage, box_size=8, border=2)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode()
