"""Structured logs without personal data.

Every record leaves the process as one JSON object (python-json-logger). Before that, the
``RedactPersonalData`` filter rewrites the message and every extra field: email addresses and IP
addresses become placeholders, and a ``request`` object (Django attaches one to its request-error
records) is reduced to method and path, never the query string, headers, cookies or user.
"""

import logging
import re

EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
IPV4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
_HEX = r"[0-9a-fA-F]{1,4}"
IPV6 = re.compile(  # full form, or compressed with "::" (clock times like 12:30:45 stay)
    rf"(?<![\w:])(?:(?:{_HEX}:){{7}}{_HEX}|(?:{_HEX}:){{1,6}}:(?:{_HEX}(?::{_HEX}){{0,5}})?"
    rf"|::{_HEX}(?::{_HEX}){{0,6}})(?![\w:])"
)
# Secrets that travel in query strings or bodies: tokens, keys, passwords.
SECRET_PAIR = re.compile(r"(?i)\b(token|key|password|secret|code)=[^&\s]+")
SAFE_TYPES = (int, float, bool, type(None))


def redact(text):
    text = EMAIL.sub("[email]", text)
    text = SECRET_PAIR.sub(r"\1=[redacted]", text)
    text = IPV6.sub("[ip]", text)
    return IPV4.sub("[ip]", text)


def _describe_request(request):
    return {"method": getattr(request, "method", None), "path": redact(request.path)}


class RedactPersonalData(logging.Filter):
    STANDARD = set(vars(logging.makeLogRecord({})))

    def filter(self, record):
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info:  # exception messages quote values too (an IntegrityError's key …)
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        for name, value in list(vars(record).items()):
            if name in self.STANDARD or isinstance(value, SAFE_TYPES):
                continue
            if name == "request":
                record.request = _describe_request(value)
            else:
                setattr(record, name, redact(str(value)))
        return True
