"""An index for finding a live page by its URL path.

The frontend asks for every item by its path (`/content/by-path/`); without an index that lookup
read every page of the tree (4 ms at 10,000 items, growing with the collection, bench/RESULTS.md).
Partial (live pages only) and on Wagtail's page table, so created with SQL, like 0007.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("guidance", "0007_listing_order_indexes")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS guidance_live_url_path ON wagtailcore_page (url_path) "
            "WHERE live",
            "DROP INDEX IF EXISTS guidance_live_url_path",
        )
    ]
