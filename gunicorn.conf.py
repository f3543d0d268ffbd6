"""gunicorn settings for production (the Dockerfile) and the benchmarks.

Access lines are JSON like the application's own logs and leave out what identifies a person:
no client address, no query string (unsubscribe and preview tokens travel there), no user agent,
no referrer.
"""

import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Whose X-Forwarded-Proto gunicorn believes: the load balancer's addresses, never everyone's.
# (The client address is derived by the application: TRUSTED_PROXY_COUNT, cms/clients.py.)
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-" if os.environ.get("ACCESS_LOG", "1") == "1" else None
access_log_format = (
    '{"logger": "gunicorn.access", "method": "%(m)s", "path": "%(U)s", "status": %(s)s, '
    '"bytes": "%(B)s", "ms": %(M)s}'
)
