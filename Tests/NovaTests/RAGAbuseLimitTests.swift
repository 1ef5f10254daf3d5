import AsyncHTTPClient
import Foundation
import ServiceKit
import Testing

@testable import NovaRAG

/// nova-rag's brakes on abuse, on a real process: failed authentication per client address, the rate limit (off for
/// loopback peers), and the refusal to serve a network without `RAG_API_KEY`.
@Suite("Abuse limits (nova-rag)")
struct RAGAbuseLimitTests {
    @Test("a non-loopback HOST without RAG_API_KEY is refused, naming RAG_API_KEY and RAG_ALLOW_UNAUTHENTICATED")
    func exposure() async throws {
        let env = try TestEnvironment()
        let error = await #expect(throws: ConfigError.self) {
            _ = try await NovaRAG.buildApplication(config: RAGConfig(env: env.rag(["HOST": "0.0.0.0"])), logger: TestEnvironment.logger)
        }
        #expect(error?.key == "RAG_API_KEY")
        #expect(error?.description.contains("RAG_ALLOW_UNAUTHENTICATED=true") == true)
        for extra in [["RAG_ALLOW_UNAUTHENTICATED": "true"], ["RAG_API_KEY": "k"]] {
            _ = try await NovaRAG.buildApplication(
                config: RAGConfig(env: env.rag(extra.merging(["HOST": "0.0.0.0"]) { $1 })), logger: TestEnvironment.logger)
        }
    }

    @Test("wrong keys beyond AUTH_FAILURES_PER_MINUTE get 429 with Retry-After, the right key too meanwhile; /health stays open")
    func authFailureBrake() async throws {
        let env = try TestEnvironment()
        let service = try await ServiceProcess(
            "nova-rag",
            environment: [
                "NOVA_RAG_DATA_DIR": env.directory.path, "KNOWLEDGE_DIR": env.knowledge.path, "EMBEDDING_PROVIDER": "hash", "RAG_API_KEY": "right",
                "AUTH_FAILURES_PER_MINUTE": "2",
            ])
        defer { service.stop() }
        var statuses: [Int] = []
        for _ in 0..<3 {
            statuses.append(try await Self.get(service.baseURL + "/code/stats", key: "wrong").status)
        }
        // A token comes back every 30 s, so the four requests stay within one budget even on a loaded machine.
        #expect(statuses == [401, 401, 429])
        let braked = try await Self.get(service.baseURL + "/code/stats", key: "right")
        #expect(braked.status == 429)
        #expect(braked.retryAfter.flatMap(Int.init).map { (1...60).contains($0) } == true)
        #expect(try await Self.get(service.baseURL + "/health", key: nil).status == 200)
    }

    @Test("RATE_LIMIT_PER_MINUTE limits a client on the network; loopback (the co-located nova) is not limited")
    func rateLimit() async throws {
        guard let address = Self.networkAddress() else {
            print("RAG rate limit: no non-loopback IPv4 address on this machine; only the loopback exemption is checked")
            return
        }
        let env = try TestEnvironment()
        let service = try await ServiceProcess(
            "nova-rag",
            environment: [
                "NOVA_RAG_DATA_DIR": env.directory.path, "KNOWLEDGE_DIR": env.knowledge.path, "EMBEDDING_PROVIDER": "hash", "RAG_API_KEY": "k",
                "RATE_LIMIT_PER_MINUTE": "5",
            ], arguments: ["--host", "0.0.0.0"])
        defer { service.stop() }
        for _ in 0..<12 {
            #expect(try await Self.get(service.baseURL + "/code/stats", key: "k").status == 200)
        }
        let remote = "http://\(address):\(service.port)"
        var statuses: [Int] = []
        for _ in 0..<7 {
            statuses.append(try await Self.get(remote + "/code/stats", key: "k").status)
        }
        #expect(statuses == [200, 200, 200, 200, 200, 429, 429])
        let limited = try await Self.get(remote + "/code/stats", key: "k")
        #expect(limited.retryAfter.flatMap(Int.init).map { (1...60).contains($0) } == true)
        #expect(limited.body.contains("RATE_LIMIT_PER_MINUTE"))
        #expect(try await Self.get(remote + "/health", key: nil).status == 200)
    }

    private static func get(_ url: String, key: String?) async throws -> (status: Int, retryAfter: String?, body: String) {
        var request = HTTPClientRequest(url: url)
        if let key { request.headers.add(name: "Authorization", value: "Bearer \(key)") }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), response.headers.first(name: "Retry-After"), String(buffer: body))
    }

    /// An IPv4 address of this machine other than loopback, nil without one.
    private static func networkAddress() -> String? {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return nil }
        defer { freeifaddrs(list) }
        for entry in sequence(first: first, next: { $0.pointee.ifa_next }) {
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST)
            let text = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !text.hasPrefix("127.") { return text }
        }
        return nil
    }
}
