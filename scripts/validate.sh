#!/usr/bin/env bash
# Lints formatting of Nova's own sources with the toolchain's swift-format (.swift-format at the root).
set -euo pipefail
cd "$(dirname "$0")/.."
swift format lint --strict --recursive Package.swift Sources Tests benchmarks
