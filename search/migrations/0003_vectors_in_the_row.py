"""Keep the search vectors in the table row instead of out of line.

A document row (two vectors of 1–3 kB plus text) passed PostgreSQL's 2 kB toast threshold, so the
vectors, which barely compress, were moved to the TOAST table: every match, rank and phrase check
then fetched them from there, once per function call (three to five times per row). Rows up to
a page now stay whole (toast_tuple_target) and, for larger rows, the plain text goes out of line
before the vectors do (STORAGE MAIN). Matching and ranking every document halves (bench/RESULTS.md).
Existing rows are rewritten (a vector concatenated with an empty one is itself).
"""

from django.db import migrations

TABLE = "content_search_searchdocument"


class Migration(migrations.Migration):
    dependencies = [("content_search", "0002_editors_see_search_analytics")]

    operations = [
        migrations.RunSQL(
            [
                f"ALTER TABLE {TABLE} SET (toast_tuple_target = 8160)",
                f"ALTER TABLE {TABLE} ALTER COLUMN vector SET STORAGE MAIN, "
                "ALTER COLUMN exact_vector SET STORAGE MAIN",
                f"UPDATE {TABLE} SET vector = vector || ''::tsvector, "
                "exact_vector = exact_vector || ''::tsvector",
            ],
            [
                f"ALTER TABLE {TABLE} RESET (toast_tuple_target)",
                f"ALTER TABLE {TABLE} ALTER COLUMN vector SET STORAGE EXTENDED, "
                "ALTER COLUMN exact_vector SET STORAGE EXTENDED",
            ],
        )
    ]
