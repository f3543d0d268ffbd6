"""What an Elasticsearch index holds: each language's settings and mappings, and the document
made of one ``SearchDocument`` (Finnish text already analysed by Voikko)."""

from search.analysis import SNOWBALL_CONFIG, finnish_lexemes, uses_voikko, words
from search.models import FACET_FIELDS

TEXT_FIELDS = {"title": 4.0, "keywords": 4.0, "summary": 2.0, "body": 1.0}


def index_settings(language):
    """Settings and mappings of one language's index."""
    analysis = {
        "analyzer": {
            # Surface forms, for exact matches and prefix suggestions in every language.
            "exact": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
        }
    }
    if language == "fi":
        # The text is Voikko's base forms and compound parts, separated by spaces.
        analysis["analyzer"]["content"] = {
            "type": "custom",
            "tokenizer": "whitespace",
            "filter": ["lowercase"],
        }
        analysis["analyzer"]["content_search"] = analysis["analyzer"]["content"]
    else:
        name = SNOWBALL_CONFIG[language]  # "swedish" / "english": built-in analysers
        analysis["analyzer"]["content"] = {"type": name}
        analysis["analyzer"]["content_search"] = {"type": name}
    text = {
        "type": "text",
        "analyzer": "content",
        "search_analyzer": "content_search",
    }
    properties = {
        "object_type": {"type": "keyword"},
        "object_id": {"type": "long"},
        "translation_key": {"type": "keyword"},
        "language": {"type": "keyword"},
        "available_languages": {"type": "keyword"},
        "result_type": {"type": "keyword"},
        "path": {"type": "keyword", "index": False},
        "tree_path": {"type": "keyword"},
        "section_key": {"type": "keyword"},
        "topic_key": {"type": "keyword"},
        "published_at": {"type": "date"},
        "updated_at": {"type": "date"},
        "display_title": {"type": "keyword", "index": False},
        "display_summary": {"type": "text", "index": False},
        "display_text": {"type": "text", "index": False},
        "title_exact": {
            "type": "text",
            "analyzer": "exact",
            "index_prefixes": {"min_chars": 2, "max_chars": 10},
        },
        "body_exact": {"type": "text", "analyzer": "exact"},
        **{name: dict(text) for name in TEXT_FIELDS},
        **{column: {"type": "keyword"} for column in FACET_FIELDS.values()},
    }
    return {
        "settings": {"number_of_shards": 1, "analysis": analysis},
        "mappings": {"dynamic": "strict", "properties": properties},
    }


def analysed(language, text):
    if uses_voikko(language):
        return " ".join(" ".join(finnish_lexemes(w)) for w in words(text))
    return text or ""


def document_body(doc, available_languages):
    """The Elasticsearch source of one ``SearchDocument``."""
    language = doc.language
    return {
        "object_type": doc.object_type,
        "object_id": doc.object_id,
        "translation_key": str(doc.translation_key) if doc.translation_key else None,
        "language": language,
        "available_languages": sorted(available_languages),
        "result_type": doc.result_type,
        "path": doc.path,
        "tree_path": doc.tree_path,
        "section_key": str(doc.section_key) if doc.section_key else None,
        "topic_key": str(doc.topic_key) if doc.topic_key else None,
        "published_at": doc.published_at.isoformat() if doc.published_at else None,
        "updated_at": doc.updated_at.isoformat() if doc.updated_at else None,
        "display_title": doc.title,
        "display_summary": doc.summary,
        "display_text": doc.text[:20_000],
        "title_exact": doc.title,
        "body_exact": " ".join([doc.summary, doc.text]),
        "title": analysed(language, doc.title),
        "keywords": analysed(language, doc.keyword_names),
        "summary": analysed(language, doc.summary),
        "body": analysed(language, doc.text),
        **{column: [str(k) for k in getattr(doc, column)] for column in FACET_FIELDS.values()},
    }


def doc_id(doc):
    return f"{doc.object_type}-{doc.object_id}"
