"""The start banner of `make run`: where everything is and what it runs on."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection


class Command(BaseCommand):
    help = "Print the URLs, the database, cache, task queue and search engine in use."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000")

    def handle(self, *args, url, **options):
        database = settings.DATABASES["default"]
        if settings.EMBEDDED_DATABASE:
            version = connection.cursor().connection.info.server_version // 10000
            where = (
                f"embedded PostgreSQL {version}, data in {settings.EMBEDDED_DATABASE} "
                "(kept between runs; `make clean-data` removes it)"
            )
        else:
            where = f"PostgreSQL at {database['HOST'] or 'localhost'}, database {database['NAME']}"
        cache = (
            "Redis (REDIS_URL)"
            if settings.REDIS_URL
            else "in-process memory (set REDIS_URL to use Redis)"
        )
        tasks = (
            "run at once in the web process"
            if "Immediate" in settings.TASKS["default"]["BACKEND"]
            else "database queue (start `manage.py db_worker`)"
        )
        search = (
            "Elasticsearch (ELASTICSEARCH_URL)"
            if settings.ELASTICSEARCH_URL
            else "PostgreSQL full text with Voikko"
        )
        lines = [
            f"Site:      {url}/  (API {url}/api/v1/docs, GraphQL {url}/graphql/)",
            f"Admin:     {url}/admin/",
            f"Database:  {where}",
            f"Cache:     {cache}",
            f"Tasks:     {tasks}",
            f"Search:    {search}",
        ]
        self.stdout.write(self.style.SUCCESS("\n".join(lines)))
