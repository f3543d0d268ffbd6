"""The demo: every app's demo data (guidance content, community discussions) and the search
index over them. A project command: it is the one place that seeds all apps."""

import logging
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection

from cms.progress import Progress
from community.demo import seed_community
from guidance.demo.generated import generate_items
from guidance.demo.seed import DemoSeeder
from guidance.models import MethodPage
from search import indexing


class Command(BaseCommand):
    help = (
        "Load realistic demo content (sections, topics, ~40 items in Finnish, a third translated "
        "into Swedish and English). Idempotent. --scale N makes sure N generated items exist."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            metavar="N",
            help="Also make sure N generated items exist (for benchmarks).",
        )

    def handle(self, *args: Any, scale: int, **options: Any) -> None:
        if scale < 0:
            self.stderr.write("--scale must be zero or a positive number.")
            raise SystemExit(2)
        # Wagtail logs every publish at INFO; the progress line says enough here.
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        seeder = DemoSeeder(stdout=self.stdout)
        created = seeder.run()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({created} items created)."))
        method = MethodPage.objects.live().filter(slug="elamanjana").first()
        threads = seed_community(method.translation_key if method else None)
        self.stdout.write(
            self.style.SUCCESS(f"Demo discussions ready ({threads} threads created).")
        )
        if scale:
            added = generate_items(scale, stdout=self.stdout)
            self.stdout.write(self.style.SUCCESS(f"{added} generated items added."))
            # A bulk load leaves PostgreSQL's statistics describing the empty tables until
            # autovacuum catches up; with them the planner sorts every page instead of walking
            # the listing indexes (bench/RESULTS.md). Refresh them now.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        # Generated items are added in bulk (no publish signals): index everything once.
        progress = Progress(indexing.total_objects(), "Search index", self.stdout)
        written = indexing.rebuild(progress)
        progress.done()
        self.stdout.write(self.style.SUCCESS(f"Search index ready ({written} documents)."))
