from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cms.cache import bump_content_version
from cms.progress import Progress
from guidance import read_model


class Command(BaseCommand):
    help = (
        "Compare every stored read-model row with a fresh rendering and report drift (missing, "
        "extra or different rows). Exits with status 1 when there is any; --repair then "
        "renders the drifting items again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--repair", action="store_true", help="Render the drifting items again."
        )

    def handle(self, *args: Any, repair: bool, **options: Any) -> None:
        progress = Progress(len(read_model.all_keys()), "Checking", stream=self.stderr)
        drift = read_model.check(progress.step)
        progress.done()
        for item in drift:
            self.stdout.write(f"{item.translation_key} {item.language}: {item.problem}")
        if not drift:
            self.stdout.write(self.style.SUCCESS("The read model matches the content."))
            return
        if repair:
            outcome = read_model.refresh(
                {item.translation_key for item in drift}, defer_large=False
            )
            bump_content_version()
            self.stdout.write(f"Repaired: {outcome.written} rows written.")
            return
        raise CommandError(f"{len(drift)} row(s) drift from the content; run with --repair.")
