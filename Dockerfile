# Chorus in a small image: Python slim, a non-root user, data in a volume, a health check.
# Build: docker build -t chorus .   Run: docker compose up (see compose.yaml)
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 DATA_DIR=/data
RUN useradd --system --uid 10001 --home-dir /srv/chorus chorus \
    && mkdir -p /srv/chorus /data && chown chorus:chorus /data
WORKDIR /srv/chorus
COPY pyproject.toml README.md settings.py ./
COPY service ./service
COPY migrations ./migrations
COPY widget ./widget
RUN python -m venv /srv/chorus/.venv \
    && /srv/chorus/.venv/bin/pip install --quiet --upgrade pip \
    && /srv/chorus/.venv/bin/pip install --quiet .
USER chorus
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["/srv/chorus/.venv/bin/python", "-c", "import urllib.request,sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"]
# The same start command as deploy/chorus.service, listening on all interfaces of the container.
CMD ["/srv/chorus/.venv/bin/python", "-m", "service", "serve", "--host", "0.0.0.0", "--port", "8000"]
