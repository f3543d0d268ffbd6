"""The benchmark's scenarios: what each asks the server, and the queries and bodies it sends."""

import json

JOD_LISTING = "/ohjaaja/cms/o/headless-delivery/v1.0/sites/20117/structured-contents"
SCENARIOS = {
    "floor: trivial JSON (/healthz)": "/healthz",
    "wagtail API v3 pages listing (limit 20)": "/bench/wagtail-api/v3/pages/?limit=20",
    "navigation": "/api/v1/navigation/",
    "listing limit 20": "/api/v1/content/?limit=20",
    "listing limit 100": "/api/v1/content/?limit=100",
    "listing limit 20, filtered": "/api/v1/content/?limit=20&keyword=uraohjaus&type=method,tool",
    "listing limit 20, uncached": "/api/v1/content/?limit=20&nocache={n}",
    "listing limit 20, filtered, uncached": "/api/v1/content/?limit=20&keyword=uraohjaus&type=method,tool&nocache={n}",
    "listing limit 100, uncached": "/api/v1/content/?limit=100&nocache={n}",
    # The JOD frontend's listing (jod/): the same 100 newest items in Liferay's shape, and the
    # 500 a category page asks for.
    "JOD listing 100, uncached": JOD_LISTING + "?pageSize=100&sort=dateCreated%3Adesc&nocache={n}",
    "JOD listing 500, uncached": JOD_LISTING + "?pageSize=500&sort=dateCreated%3Adesc&nocache={n}",
    "detail": "/api/v1/content/by-path/?path=/asiakastyohon/urasuunnittelu/elamanjana/",
    "detail, uncached": "/api/v1/content/by-path/?path=/asiakastyohon/urasuunnittelu/elamanjana/&nocache={n}",
    "graphql listing limit 20": "POST /graphql/",
    "search (Finnish queries, uncached)": "/api/v1/search/?q={q}",
    "search (mistyped queries, uncached)": "/api/v1/search/?q={t}",
    "discussion thread read": "/api/v1/discussions/{thread}/",
    "write mix (posting replies)": "REPLY /api/v1/discussions/{thread}/posts/",
}
# Inflected and compound Finnish queries, picked at random per request.
SEARCH_QUERIES = [
    "ohjaus",
    "nuorille",
    "uraohjauksen menetelmät",
    "työnhakijoille",
    "ryhmäohjauksessa",
    "elämänjana",
    "itsetuntemus harjoitus",
    "etäohjaus",
    "motivoiva haastattelu",
    "kuvakortit",
    "maahanmuuttajille",
    "osaamisen tunnistaminen",
]
# The same kind of queries as typed on a phone or a foreign keyboard: no ä/ö, a typo, a space
# inside a compound. These take the forgiving path (respelling and a second search).
MISTYPED_QUERIES = [
    "tyonhakijoille",
    "ryhmaohjauksessa",
    "uraohajus",
    "itsetuntemsu harjoitus",
    "elamanjana",
    "motivoiva haastatelu",
    "etaohjaus",
    "kuva kortit",
]
GRAPHQL_BODY = json.dumps(
    {
        "query": "{ content(limit: 20) { count items { id title path keywords { name } image { src } } } }"
    }
)
NOT_YET = {}
REPLY_BODY = json.dumps({"body": "<p>Hyvä ajatus, kokeilen tätä ryhmässä.</p>"})
