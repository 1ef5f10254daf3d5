// swift-tools-version: 6.2
import PackageDescription

/// Settings every target of this project shares: warnings are errors in our own code only.
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "nova",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "nova", targets: ["NovaAPI"]),
        .executable(name: "nova-rag", targets: ["NovaRAG"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.34.1"),
    ],
    targets: [
        .systemLibrary(name: "CHiredis", pkgConfig: "hiredis", providers: [.apt(["libhiredis-dev"])]),
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .target(
            name: "MiniLM",
            dependencies: ["COpenBLAS"],
            swiftSettings: strict
        ),
        .target(
            name: "NovaJSON",
            swiftSettings: strict
        ),
        .target(
            name: "Resilience",
            swiftSettings: strict
        ),
        .target(
            name: "NovaCore",
            dependencies: [
                "NovaJSON", "Resilience",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "EgressProxy",
            dependencies: [
                "NovaCore", "NovaJSON",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "PromptGuard",
            swiftSettings: strict
        ),
        .target(
            name: "RAGCore",
            dependencies: [
                "NovaCore", "NovaJSON", "PromptGuard",
            ],
            swiftSettings: strict
        ),
        .target(
            name: "Shared",
            dependencies: [
                "NovaCore", "NovaJSON", "Resilience",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "ServiceKit",
            dependencies: [
                "NovaJSON",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "NovaStorage",
            dependencies: [
                "NovaJSON", "ServiceKit",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "NovaAPI",
            dependencies: [
                "NovaCore", "NovaJSON", "Shared", "ServiceKit", "NovaStorage", "CHiredis", "EgressProxy",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "NovaRAG",
            dependencies: [
                "NovaCore", "RAGCore", "NovaJSON", "Shared", "ServiceKit", "NovaStorage", "MiniLM",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "MiniLMBenchmark",
            dependencies: ["MiniLM"],
            path: "benchmarks/embedder/Sources/MiniLMBenchmark",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "PrecisionEval",
            dependencies: ["MiniLM", "NovaCore", "RAGCore", "PromptGuard", "Shared"],
            path: "benchmarks/semantic-precision/Sources/PrecisionEval",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "SemanticStream",
            dependencies: ["MiniLM", "NovaCore", "RAGCore", "PromptGuard"],
            path: "benchmarks/semantic-stream/Sources/SemanticStream",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "SandboxBenchmark",
            dependencies: ["NovaCore"],
            path: "benchmarks/sandbox/Sources/SandboxBenchmark",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "EngineBenchmark",
            dependencies: ["NovaCore", "NovaJSON"],
            path: "benchmarks/engine/Sources/EngineBenchmark",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "RAGRetrievalEval",
            dependencies: ["MiniLM", "NovaCore", "RAGCore"],
            path: "benchmarks/rag-retrieval/Sources/RAGRetrievalEval",
            swiftSettings: strict
        ),
        .testTarget(
            name: "MiniLMTests",
            dependencies: ["MiniLM"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "NovaTests",
            dependencies: [
                "NovaAPI", "NovaRAG", "NovaCore", "RAGCore", "PromptGuard", "NovaJSON", "Resilience", "Shared", "ServiceKit", "NovaStorage",
                "EgressProxy",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strict
        ),
    ]
)
