"""Security codes (captcha) bound to the form that issued them, with a spoken alternative.

Every public form with a captcha names itself ("pengaduan", "permohonan", "komentar"). A
challenge is stored in django-simple-captcha's CaptchaStore with its response prefixed by
that name, so a key issued by one form never validates on another. The same digits are
shown as an image and spoken as a WAV generated on the server (espeak-ng, Indonesian).
"""
