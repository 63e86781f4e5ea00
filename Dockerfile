# The worker image: python -m worker run (set WORKER_KAFKA_BOOTSTRAP).
# Stage 1 compiles the extraction core with mypyc (needs gcc, mypy and the project's
# dependencies for the type check) and the Rust keyword automaton (native/keyscan: cargo, from
# the official Rust image's toolchain); the runtime image gets worker/ with worker/extract/_native.
FROM rust:1.83-slim-bookworm AS rust

FROM python:3.11-bookworm AS native
COPY --from=rust /usr/local/cargo /usr/local/cargo
COPY --from=rust /usr/local/rustup /usr/local/rustup
ENV RUSTUP_HOME=/usr/local/rustup CARGO_HOME=/usr/local/cargo PATH=/usr/local/cargo/bin:$PATH
WORKDIR /app
COPY pyproject.toml README.md ./
COPY worker ./worker
COPY native/keyscan/Cargo.toml native/keyscan/Cargo.lock ./native/keyscan/
COPY native/keyscan/src ./native/keyscan/src
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
