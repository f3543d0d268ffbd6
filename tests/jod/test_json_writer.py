"""The adapter's answers are written with orjson; they must say what json.dumps with
django-ninja's encoder said (Liferay's clients parse them, so only the bytes may differ)."""

import datetime
import json
import uuid
from zoneinfo import ZoneInfo

from ninja.responses import NinjaJSONEncoder

from jod.views import json_response


def test_the_adapters_json_reads_as_the_standard_encoders_did():
    data = {
        "items": [
            {
                "title": "Elämänjana – ryhmässä",
                "dateCreated": datetime.datetime(2026, 12, 5, 10, 0, 0, 123456, ZoneInfo("UTC")),
                "datePublished": datetime.date(2026, 12, 5),
                "externalReferenceCode": uuid.UUID("12345678-1234-5678-1234-567812345678"),
                "taxonomyCategoryIds": [1, 1_000_000_001],
                "ratio": 0.1,
                "byId": {7: "seven"},
                "empty": None,
            }
        ],
        "lastPage": 1,
    }
    response = json_response(data)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    written = response.content.decode()
    assert "Elämänjana" in written  # UTF-8, not \\u escapes
    assert json.loads(written) == json.loads(json.dumps(data, cls=NinjaJSONEncoder))
