from typing import Any

from django.core.management.base import BaseCommand

from cms.cache import bump_content_version
from cms.progress import Progress
from guidance import read_model


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
        bump_content_version()
        self.stdout.write(f"Wrote {written} rows.")
