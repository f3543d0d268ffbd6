"""Indexes for the content listing's orderings on live pages.

The listing orders live pages by first or last publication (newest first) and takes 20; with
these, PostgreSQL walks the index and stops after the page it needs instead of sorting every
live page (bench/RESULTS.md). Partial (live pages only) and on Wagtail's page table, so created
with SQL; CONCURRENTLY is not used because migrations run in a transaction.
"""

from django.db import migrations

INDEXES = {
    "guidance_live_first_published": "(first_published_at DESC, id DESC)",
    "guidance_live_last_published": "(last_published_at DESC, id DESC)",
}


class Migration(migrations.Migration):
    dependencies = [
        ("guidance", "0006_quality_criteria_and_workflow"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page {columns} WHERE live",
            f"DROP INDEX IF EXISTS {name}",
        )
        for name, columns in INDEXES.items()
    ]
