"""Database sessions, written at most once per request and without waiting for the disk.

A public form's first visit creates its session before the page renders (the captcha
is bound to it, the one-time form token lives in it) and changes it no more; Django's
middleware would write the new session a second time at the end of the request. Here a
save that finds the data as this request last saved it is skipped. A session is a
disposable write (`sitecore.disposable`). `SESSION_ENGINE = "sitecore.sessions"`.
"""

import copy

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.db import router

from sitecore.disposable import disposable_write


class SessionStore(DatabaseSessionStore):
    _saved = None  # (key, data) as this request last wrote them

    def save(self, must_create=False):
        data = self._get_session(no_load=must_create)
        if not must_create and self._saved == (self.session_key, data):
            return
        with disposable_write(router.db_for_write(self.model)):
            super().save(must_create=must_create)
        self._saved = (self.session_key, copy.deepcopy(data))
