from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model

from cms.progress import Progress
from search import elasticsearch, indexing
from search.attachments import extract_text
from search.models import SearchDocument


class Command(BaseCommand):
    help = (
        "Rebuild the project's search index from published content (with progress), and the "
        "Elasticsearch indices when ELASTICSEARCH_URL is set (swapped in atomically)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--attachments",
            action="store_true",
            help="Read the text of every PDF/Office document again before indexing.",
        )
        parser.add_argument(
            "--database-only", action="store_true", help="Leave Elasticsearch untouched."
        )

    def handle(self, *args, attachments, database_only, **options):
        if attachments:
            documents = list(get_document_model().objects.all())
            progress = Progress(len(documents), "Attachments", stream=self.stderr)
            for document in documents:
                text = extract_text(document)
                if text != document.extracted_text:
                    document.extracted_text = text
                    document.save(update_fields=["extracted_text"])
                progress.step()
            progress.done()
        total = indexing.total_objects()
        progress = Progress(total, "Search index", stream=self.stderr)
        written = indexing.rebuild(progress)
        progress.done()
        self.stdout.write(f"Indexed {written} documents in the database.")
        if settings.ELASTICSEARCH_URL and not database_only:
            progress = Progress(SearchDocument.objects.count(), "Elasticsearch", stream=self.stderr)
            copied = elasticsearch.rebuild(progress)
            progress.done()
            self.stdout.write(f"Copied {copied} documents to Elasticsearch and swapped aliases.")
