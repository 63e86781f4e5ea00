# The worker image: python -m worker run (set WORKER_KAFKA_BOOTSTRAP).
# Stage 1 compiles the extraction core with mypyc (needs gcc, mypy and the project's
# dependencies for the type check); the runtime image gets worker/ with worker/extract/_native.
FROM python:3.11 AS native
WORKDIR /app
COPY pyproject.toml README.md ./
COPY worker ./worker
COPY scripts/build_native.py ./scripts/
RUN pip install --no-cache-dir '.[dev]' && WORKER_REQUIRE_NATIVE=1 python scripts/build_native.py

FROM python:3.11-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 WORKER_REQUIRE_NATIVE=1
COPY pyproject.toml README.md ./
COPY --from=native /app/worker ./worker
COPY seeds ./seeds
RUN pip install --no-cache-dir . && mkdir -p /data && chown nobody /data
# table state (RocksDB files); mount a volume so that a new container recovers from it
ENV WORKER_DATA_DIR=/data
VOLUME /data
USER nobody
EXPOSE 6066
ENTRYPOINT ["python", "-m", "worker"]
CMD ["run"]
