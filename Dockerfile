# The worker image: python -m worker run (set WORKER_KAFKA_BOOTSTRAP).
FROM python:3.11-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
COPY pyproject.toml README.md ./
COPY worker ./worker
COPY seeds ./seeds
RUN pip install --no-cache-dir . && mkdir -p /data && chown nobody /data
# table state (RocksDB files); mount a volume so that a new container recovers from it
ENV WORKER_DATA_DIR=/data
VOLUME /data
USER nobody
EXPOSE 6066
ENTRYPOINT ["python", "-m", "worker"]
CMD ["run"]
