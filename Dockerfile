# Production image: gunicorn behind a load balancer, static files collected and served by
# WhiteNoise, media on object storage (or a mounted volume), a non-root user.
FROM python:3.11-slim-bookworm AS base

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_ENV=production \
    PORT=8000

RUN apt-get update \
 && apt-get install -y --no-install-recommends libvoikko1 voikko-fi libpq5 postgresql-client \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 10001 app

WORKDIR /app
COPY pyproject.toml constraints.txt README.md ./
COPY cms cms
COPY guidance guidance
COPY community community
COPY search search
COPY locale locale
COPY manage.py gunicorn.conf.py ./
RUN pip install -c constraints.txt . \
 && SECRET_KEY=build-only-not-secret python manage.py collectstatic --no-input \
 && mkdir -p /app/media && chown -R app:app /app/media

USER app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request,os; urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\",\"8000\")}/healthz', timeout=2)"
# Run migrations as a separate release step: `docker run IMAGE python manage.py migrate`.
# The task worker is the same image: `docker run IMAGE python manage.py db_worker`.
# gunicorn.conf.py: PORT, WEB_CONCURRENCY, JSON access lines without client addresses.
CMD ["gunicorn", "cms.wsgi:application"]
