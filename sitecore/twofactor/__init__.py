"""Optional two-factor sign-in for the Wagtail admin, on django-otp.
May import the sitecore core only (the admin login and its lockout in sitecore.auth).

A user enrols an authenticator app (a confirmed TOTPDevice) and gets single-use backup
codes (a StaticDevice). From then on a password sign-in is only half a sign-in: the
middleware keeps the session out of the admin until a code is entered, and treats it
as anonymous everywhere else. ADMIN_2FA_REQUIRED makes enrolment compulsory.
"""
