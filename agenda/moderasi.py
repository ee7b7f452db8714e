"""Per-village moderation of the agenda: Relawan JID submit, the village's editors decide."""

from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from sitecore.models.roles import Peran


def pastikan_moderasi(site, agenda_index, groups):
    """Create (or repair) the village's agenda workflow; safe to run again."""
    editor_group = groups[Peran.EDITOR]
    task = GroupApprovalTask.objects.filter(name=f"Persetujuan Editor {site.site_name}").first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=f"Persetujuan Editor {site.site_name}")
    task.groups.add(editor_group)
    workflow, _ = Workflow.objects.get_or_create(name=f"Moderasi Agenda {site.site_name}")
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task.task_ptr, defaults={"sort_order": 0}
    )
    WorkflowPage.objects.update_or_create(page=agenda_index, defaults={"workflow": workflow})
    return workflow
