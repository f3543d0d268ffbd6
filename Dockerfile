# Production image: gunicorn behind a load balancer, static files collected and served by
# WhiteNoise, media on object storage (or a mounted volume), a non-root user. PostgreSQL and Redis
# are external (DATABASE_URL, REDIS_URL): production never runs on the embedded database.

# GraphiQL's browser assets, pinned by package-lock.json (served as the site's own static files).
FROM node:20-bookworm-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && mkdir -p graphiql \
 && cp node_modules/graphiql/graphiql.min.js node_modules/graphiql/graphiql.min.css \
       node_modules/react/umd/react.production.min.js \
       node_modules/react-dom/umd/react-dom.production.min.js graphiql/ \
 && cp node_modules/graphiql/LICENSE graphiql/LICENSE.graphiql \
 && cp node_modules/react/LICENSE graphiql/LICENSE.react

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
COPY --from=assets /build/graphiql cms/static/vendor/graphiql
COPY guidance guidance
COPY community community
COPY search search
COPY ohjaaja ohjaaja
COPY jod jod
COPY locale locale
COPY manage.py gunicorn.conf.py ./
# collectstatic reads settings, which require a DATABASE_URL in production; it never connects.
RUN pip install -c constraints.txt . \
 && SECRET_KEY=build-only-not-secret DATABASE_URL=postgres://build@unused.invalid/unused \
    python manage.py collectstatic --no-input \
 && mkdir -p /app/media && chown -R app:app /app/media

USER app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request,os; urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\",\"8000\")}/healthz', timeout=2)"
# Run migrations as a separate release step: `docker run IMAGE python manage.py migrate`.
# The task worker is the same image: `docker run IMAGE python manage.py db_worker`.
# gunicorn.conf.py: PORT, WEB_CONCURRENCY, JSON access lines without client addresses.
CMD ["gunicorn", "cms.wsgi:application"]
