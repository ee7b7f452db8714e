"""Writes whose loss in a crash costs nothing: sessions, captcha challenges.

On PostgreSQL their transaction commits without waiting for the disk
(`synchronous_commit` off for that transaction only): a crash in the next moment could
lose the row, which costs a visitor a reloaded form, never a complaint or a record.
Other databases write as usual.
"""

from contextlib import contextmanager

from django.db import connections, transaction


@contextmanager
def disposable_write(using="default"):
    connection = connections[using]
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        # Inside someone else's transaction the setting would cover their rows too.
        yield
        return
    with transaction.atomic(using=using):
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
        yield
