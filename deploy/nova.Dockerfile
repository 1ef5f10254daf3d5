# nova: the workflow API (`nova serve`) and its workers (`nova worker`), with the Python sandbox.
# Build: docker build -f deploy/nova.Dockerfile -t nova .
FROM swift:6.0-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends \
        libopenblas-dev libsqlite3-dev libhiredis-dev libcurl4-openssl-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
COPY benchmarks ./benchmarks
RUN swift build -c release --static-swift-stdlib --product nova \
    && install -D "$(swift build -c release --show-bin-path)/nova" /out/nova

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends \
        libhiredis0.14 libsqlite3-0 libcurl4 ca-certificates curl tzdata \
        python3 python3-venv bubblewrap slirp4netns \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin nova \
    && mkdir -p /data && chown nova /data
COPY --from=build /out/nova /usr/local/bin/nova
ENV HOST=0.0.0.0 PORT=8000 NOVA_DATA_DIR=/data
VOLUME /data
USER nova
WORKDIR /app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=10s --start-period=20s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/health" || exit 1
ENTRYPOINT ["nova"]
CMD ["serve"]
