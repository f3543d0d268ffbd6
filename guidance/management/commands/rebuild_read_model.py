from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection

from cms.cache import bump_content_version
from cms.progress import Progress
from guidance import read_model
from guidance.models import ReadItem


class Command(BaseCommand):
    help = (
        "Render every visible item's card and detail in every language again (with progress) "
        "and drop rows of items no longer visible. Each batch is replaced atomically, so the "
        "API keeps serving while it runs."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        progress = Progress(len(read_model.all_keys()), "Read model", stream=self.stderr)
        written = read_model.rebuild(progress.step)
        progress.done()
        if not connection.in_atomic_block:  # VACUUM cannot run in a transaction (tests)
            # Every row was rewritten: mark the pages all-visible and refresh the statistics
            # now rather than when autovacuum comes by, so a listing's count reads the index
            # alone (at 10,000 items 1.4 ms instead of a 30 ms scan of the stored JSON).
            with connection.cursor() as cursor:
                cursor.execute(f"VACUUM (ANALYZE) {ReadItem._meta.db_table}")
        bump_content_version()
        self.stdout.write(f"Wrote {written} rows.")
