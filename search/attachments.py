"""Text of PDF and Office attachments, so that an item is found by what its files say."""

import logging

from django.contrib.contenttypes.models import ContentType
from django_tasks import task
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex

from search.documents import MAX_TEXT
from search.indexing import index_pages

logger = logging.getLogger(__name__)
MAX_PDF_PAGES = 200


def _pdf(file):
    from pypdf import PdfReader

    reader = PdfReader(file)
    return "\n".join((page.extract_text() or "") for page in reader.pages[:MAX_PDF_PAGES])


def _docx(file):
    import docx

    document = docx.Document(file)
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _xlsx(file):
    from openpyxl import load_workbook

    workbook = load_workbook(file, read_only=True, data_only=True)
    parts = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(values_only=True):
            parts.extend(str(value) for value in row if value not in (None, ""))
            if sum(len(p) for p in parts) > MAX_TEXT:
                return " ".join(parts)
    return " ".join(parts)


def _plain(file):
    return file.read(MAX_TEXT * 4).decode("utf-8", errors="replace")


EXTRACTORS = {"pdf": _pdf, "docx": _docx, "xlsx": _xlsx, "txt": _plain, "md": _plain}


def extract_text(document):
    """The text of a document's file ("" for unknown, broken or hostile files)."""
    extractor = EXTRACTORS.get((document.file_extension or "").lower())
    if extractor is None:
        return ""
    try:
        with document.open_file() as file:
            text = extractor(file)
    except Exception as exc:  # pypdf, python-docx and openpyxl raise many kinds
        # A broken upload must not stop indexing; say which file could not be read.
        logger.warning("could not read text of document %s: %s", document.pk, type(exc).__name__)
        return ""
    return " ".join(text.split())[:MAX_TEXT]


def refresh_document_text(document_id):
    """Store the document's text and reindex the content pages that use it."""
    Document = get_document_model()
    document = Document.objects.filter(pk=document_id).first()
    if document is None:
        return 0
    text = extract_text(document)
    if text != document.extracted_text:
        document.extracted_text = text
        document.save(update_fields=["extracted_text"])
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = {
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    }
    if page_ids:
        index_pages(page_ids)
    return len(text)


@task()
def extract_document_text(document_id):
    """Read the text of an uploaded PDF or Office file and reindex the pages that use it."""
    return refresh_document_text(document_id)
