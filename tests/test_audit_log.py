"""Per-village audit log (sitecore.models.audit): where entries go, who sees them, and
the data migration that moved older entries out of Wagtail's ModelLogEntry."""

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from sitecore.models import DesaLogEntry, Komentar
from sitecore.models.audit import move_log_entries
from sitecore.models.roles import Peran
from tests.conftest import section
from tests.test_artikel_pages import buat_artikel

pytestmark = pytest.mark.django_db


def _komentar(site, nama):
    page = buat_artikel(section(site, "artikel"), f"Berita {nama}")
    return Komentar.objects.create(site=site, page=page, nama=nama, pesan="Salam")


def test_village_models_log_with_their_site(desa_a, desa_b, make_staff):
    mine, theirs = _komentar(desa_a, "Ani"), _komentar(desa_b, "Budi")
    log(mine, "wagtail.edit")
    log(theirs, "wagtail.edit")
    assert not ModelLogEntry.objects.filter(action="wagtail.edit").exists()
    assert set(DesaLogEntry.objects.values_list("object_id", "site_id")) == {
        (str(mine.pk), desa_a.pk),
        (str(theirs.pk), desa_b.pk),
    }
    editor = make_staff(desa_a, Peran.EDITOR)
    assert [e.object_id for e in DesaLogEntry.objects.viewable_by_user(editor)] == [str(mine.pk)]
    # A role without any permission on comments sees none of them, even in its village.
    relawan = make_staff(desa_a, Peran.RELAWAN_JID)
    assert not DesaLogEntry.objects.viewable_by_user(relawan).exists()


def test_migration_moves_old_entries_with_their_village_and_back(desa_a, desa_b):
    mine, theirs = _komentar(desa_a, "Ani"), _komentar(desa_b, "Budi")
    content_type = ContentType.objects.get_for_model(Komentar)
    for komentar in (mine, theirs):
        # As Wagtail wrote them before DesaLogEntry existed.
        ModelLogEntry.objects.create(
            content_type=content_type,
            object_id=str(komentar.pk),
            label=str(komentar),
            action="wagtail.edit",
            timestamp=timezone.now(),
        )
    move_log_entries(apps, ["sitecore.Komentar"])
    assert not ModelLogEntry.objects.filter(content_type=content_type).exists()
    moved = DesaLogEntry.objects.filter(content_type=content_type, action="wagtail.edit")
    assert set(moved.values_list("object_id", "site_id", "label")) == {
        (str(mine.pk), desa_a.pk, str(mine)),
        (str(theirs.pk), desa_b.pk, str(theirs)),
    }
    move_log_entries(apps, ["sitecore.Komentar"], reverse=True)
    assert not DesaLogEntry.objects.filter(content_type=content_type).exists()
    assert ModelLogEntry.objects.filter(content_type=content_type).count() == 2
