# nova-rag: the semantic code cache and documentation retrieval service.
# Build: docker build -f deploy/nova-rag.Dockerfile -t nova-rag .
# Runs as the unprivileged user `nova`; only /data (a volume: keep it across deploys, it holds the cache) needs to be
# writable, so the root filesystem may be read-only. scripts/release-check.sh runs the release binary the same way
# (user, variables, directories) in CI.
FROM swift:6.2-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends \
        libopenblas-dev libsqlite3-dev libhiredis-dev libcurl4-openssl-dev python3 python3-pip \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
COPY benchmarks ./benchmarks
COPY scripts ./scripts
RUN swift build -c release --static-swift-stdlib --product nova-rag \
    && install -D "$(swift build -c release --show-bin-path)/nova-rag" /out/nova-rag
RUN NOVA_MODEL_DIR=/out/models bash scripts/fetch-model.sh

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends \
        libopenblas0-pthread libsqlite3-0 libcurl4 ca-certificates curl tzdata \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin nova \
    && mkdir -p /data && chown nova /data
COPY --from=build /out/nova-rag /usr/local/bin/nova-rag
COPY --from=build /out/models /app/models
COPY knowledge /app/knowledge
ENV HOST=0.0.0.0 PORT=8001 NOVA_RAG_DATA_DIR=/data NOVA_MODEL_DIR=/app/models KNOWLEDGE_DIR=/app/knowledge
VOLUME /data
USER nova
WORKDIR /app
EXPOSE 8001
HEALTHCHECK --interval=30s --timeout=10s --start-period=20s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/health" || exit 1
CMD ["nova-rag", "serve"]
