import AsyncHTTPClient
import Foundation
import NovaJSON
import Testing

/// What the HTTP server does below the router, on both services as real processes over loopback: `HEAD`, chunked
/// bodies beyond `MAX_BODY_BYTES`, stalled requests (`IDLE_TIMEOUT_SECONDS`) and requests the HTTP parser refuses.
@Suite("Transport hardening")
struct TransportHardeningTests {
    /// One service under test: its executable, a path served with `POST` and a JSON body, and its envelope's key.
    struct Target: CustomStringConvertible, Sendable {
        let executable: String
        let postPath: String
        let envelopeKey: String

        var description: String { executable }

        /// Starts the service on an empty data directory with a one-second idle timeout.
        func start() async throws -> ServiceProcess {
            let env = try TestEnvironment()
            let variables: [String: String] =
                executable == "nova"
                ? ["NOVA_DATA_DIR": env.directory.path, "WORKER_CONCURRENCY": "0", "REDIS_URL": "", "DATABASE_URL": ""]
                : ["NOVA_RAG_DATA_DIR": env.directory.path, "KNOWLEDGE_DIR": env.knowledge.path, "EMBEDDING_PROVIDER": "hash"]
            return try await ServiceProcess(executable, environment: variables.merging(["IDLE_TIMEOUT_SECONDS": "1"]) { $1 })
        }
    }

    static let targets = [
        Target(executable: "nova", postPath: "/workflows", envelopeKey: "error"),
        Target(executable: "nova-rag", postPath: "/code/search", envelopeKey: "detail"),
    ]

    @Test("HEAD is answered wherever GET is, and counts in Allow", arguments: targets)
    func head(target: Target) async throws {
        let service = try await target.start()
        defer { service.stop() }
        let health = try await RawHTTPExchange.send("HEAD /health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", port: service.port, wait: 5)
        #expect(health.status == 200)
        #expect(health.body.isEmpty)
        let refused = try await RawHTTPExchange.send(
            "DELETE /health HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n", port: service.port, wait: 5)
        #expect(refused.status == 405)
        #expect(refused.header("Allow")?.contains("HEAD") == true)
    }

    @Test("a chunked body beyond MAX_BODY_BYTES is 413 in the envelope", arguments: targets)
    func chunkedOversize(target: Target) async throws {
        let service = try await target.start()
        defer { service.stop() }
        var request = Array(
            "POST \(target.postPath) HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
        let chunk = [UInt8](repeating: UInt8(ascii: " "), count: 65536)
        for _ in 0..<16 { request += Array("10000\r\n".utf8) + chunk + Array("\r\n".utf8) }
        request += Array("1\r\n \r\n0\r\n\r\n".utf8)
        let exchange = try await RawHTTPExchange.send(request, port: service.port, wait: 10)
        #expect(exchange.status == 413)
        #expect(JSONValue(jsonText: exchange.body)?[target.envelopeKey]?.stringValue?.contains("MAX_BODY_BYTES") == true, "\(exchange.reply)")
    }

    @Test("a body shorter than its Content-Length is closed after the idle timeout", arguments: targets)
    func shortBody(target: Target) async throws {
        let service = try await target.start()
        defer { service.stop() }
        let request = "POST \(target.postPath) HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"a\": 1"
        let exchange = try await RawHTTPExchange.send(request, port: service.port, wait: 8)
        #expect(exchange.closed)
        #expect(exchange.seconds < 4)
        try await Task.sleep(for: .milliseconds(500))
        #expect(!service.logText.contains("status=500"), "\(service.logText)")
    }

    @Test("unfinished headers (slowloris) are closed after the idle timeout", arguments: targets)
    func slowHeaders(target: Target) async throws {
        let service = try await target.start()
        defer { service.stop() }
        let exchange = try await RawHTTPExchange.send("GET /health HTTP/1.1\r\nHost: t\r\nX-Slow: a", port: service.port, wait: 8)
        #expect(exchange.closed)
        #expect(exchange.seconds < 4)
    }

    @Test("what the HTTP parser refuses is answered in the service's JSON envelope", arguments: targets)
    func parserErrors(target: Target) async throws {
        let service = try await target.start()
        defer { service.stop() }
        let hugeHeader = "GET /health HTTP/1.1\r\nHost: t\r\nX-Big: \(String(repeating: "a", count: 100_000))\r\n\r\n"
        let cases: [(String, [UInt8], Int)] = [
            ("bad method", Array("G@T /health HTTP/1.1\r\nHost: t\r\n\r\n".utf8), 400),
            ("huge header", Array(hugeHeader.utf8), 431),
            ("100k-character path", Array("GET /\(String(repeating: "a", count: 100_000)) HTTP/1.1\r\nHost: t\r\n\r\n".utf8), 431),
            (
                "invalid UTF-8 in the path",
                Array("GET /health/".utf8) + [0xFF, 0xFE] + Array(" HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".utf8), 400
            ),
        ]
        for (name, request, status) in cases {
            let exchange = try await RawHTTPExchange.send(request, port: service.port, wait: 5)
            #expect(exchange.status == status, "\(name): \(exchange.reply.prefix(300))")
            #expect(JSONValue(jsonText: exchange.body)?[target.envelopeKey]?.stringValue?.isEmpty == false, "\(name): \(exchange.reply.prefix(300))")
        }
        let (status, _) = try await HTTPClient.shared.getText(service.baseURL + "/health")
        #expect(status == 200)
    }
}
