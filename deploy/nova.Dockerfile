# nova: the workflow API (`nova serve`) and its workers (`nova worker`), with the Python sandbox.
# Build: docker build -f deploy/nova.Dockerfile -t nova .
# Runs as the unprivileged user `nova`; only /data (a volume) needs to be writable, so the root filesystem may be
# read-only. scripts/release-check.sh runs the release binary the same way (user, variables, directories) in CI.
FROM swift:6.2-bookworm AS build
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
        python3 python3-venv bubblewrap slirp4netns iproute2 util-linux \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /nonexistent --no-create-home --shell /usr/sbin/nologin nova \
    && mkdir -p /data /app && chown nova /data
# The sandbox's virtual environment lives in the image, not on the /data volume (a volume would hide it or keep an
# old one): NOVA_SANDBOX_VENV tells nova where it is.
COPY deploy/sandbox-requirements.txt /tmp/setup/deploy/sandbox-requirements.txt
COPY scripts/setup-sandbox.sh /tmp/setup/scripts/setup-sandbox.sh
RUN NOVA_SANDBOX_VENV=/opt/nova/sandbox-venv bash /tmp/setup/scripts/setup-sandbox.sh \
    && rm -rf /tmp/setup /root/.cache
COPY --from=build /out/nova /usr/local/bin/nova
ENV HOST=0.0.0.0 PORT=8000 NOVA_DATA_DIR=/data NOVA_SANDBOX_VENV=/opt/nova/sandbox-venv
VOLUME /data
USER nova
WORKDIR /app
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=10s --start-period=20s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${PORT}/health" || exit 1
CMD ["nova", "serve"]
