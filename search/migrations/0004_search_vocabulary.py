import django.contrib.postgres.indexes
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("content_search", "0003_vectors_in_the_row"),
    ]

    operations = [
        TrigramExtension(),
        migrations.AddField(
            model_name="searchquerystat",
            name="corrected_query",
            field=models.CharField(
                blank=True, default="", max_length=200, verbose_name="corrected to"
            ),
        ),
        migrations.CreateModel(
            name="SearchTerm",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("language", models.CharField(max_length=8)),
                ("term", models.CharField(max_length=60)),
                ("folded", models.CharField(max_length=60)),
                ("documents", models.PositiveIntegerField(default=1)),
            ],
            options={
                "verbose_name": "search term",
                "indexes": [
                    django.contrib.postgres.indexes.GinIndex(
                        fields=["folded"], name="search_term_trigrams", opclasses=["gin_trgm_ops"]
                    ),
                    models.Index(
                        fields=["language", "folded"],
                        name="search_term_folded",
                        opclasses=["varchar_pattern_ops", "varchar_pattern_ops"],
                    ),
                ],
                "constraints": [
                    models.UniqueConstraint(fields=("language", "term"), name="search_term_unique")
                ],
            },
        ),
        # The vocabulary of an index that already exists (the same statement as
        # search.spelling.refresh_vocabulary at the time of writing).
        migrations.RunSQL(
            """
            INSERT INTO content_search_searchterm (language, term, folded, documents)
            SELECT d.language, w.term,
                   translate(w.term, 'äöåáàâãéèêëíìîïóòôõúùûüýÿšžçñæø',
                             'aoaaaaaeeeeiiiioooouuuuyyszcnao'),
                   count(*)
            FROM content_search_searchdocument d,
                 unnest(tsvector_to_array(d.exact_vector)) AS w(term)
            WHERE w.term ~ '^[[:alpha:]]{2,60}$'
            GROUP BY d.language, w.term
            """,
            migrations.RunSQL.noop,
        ),
    ]
