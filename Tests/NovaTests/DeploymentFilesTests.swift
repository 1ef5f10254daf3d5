import Foundation
import HummingbirdTesting
import NovaJSON
import ServiceKit
import Testing

@testable import NovaAPI
@testable import NovaRAG

/// docker-compose.yml, the Dockerfiles and the Railway files agree with the code: variables, ports, health paths.
@Suite("Deployment files")
struct DeploymentFilesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The compose file as JSON, through PyYAML (python3-yaml, installed by scripts/test.sh).
    private static func compose() throws -> JSONValue {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)", "docker-compose.yml"]
        process.currentDirectoryURL = root
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try #require(JSONValue(jsonText: String(decoding: data, as: UTF8.self)))
    }

    /// Every Swift source of the services, to check that a variable is read somewhere.
    private static func sources() throws -> String {
        let enumerator = try #require(FileManager.default.enumerator(at: root.appendingPathComponent("Sources"), includingPropertiesForKeys: nil))
        return try enumerator.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
            .map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
    }

    @Test("docker-compose config -q accepts the compose file")
    func composeValidates() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["docker-compose", "-f", "docker-compose.yml", "config", "-q"]
        process.currentDirectoryURL = Self.root
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test("every variable the compose file sets is one the services read")
    func composeVariablesAreRead() throws {
        let services = try #require(try Self.compose()["services"]?.objectValue)
        let code = try Self.sources()
        for name in ["nova-rag", "nova-api", "nova-worker"] {
            let environment = try #require(services[name]?["environment"]?.objectValue, "\(name) has no environment")
            for key in environment.keys {
                #expect(code.contains("\"\(key)\""), "\(name) sets \(key), which no service reads")
            }
        }
        #expect(services["nova-api"]?["environment"]?["RAG_SERVICE_URL"] == .string("http://nova-rag:8001"))
    }

    @Test("ports and health checks in compose and the Dockerfiles match the services' defaults and routes")
    func portsAndHealthPaths() async throws {
        #expect(try RAGConfig(env: EnvironmentReader([:])).listen.port == 8001)
        #expect(try NovaConfig(env: EnvironmentReader([:])).listen.port == 8000)
        let services = try #require(try Self.compose()["services"]?.objectValue)
        #expect(services["nova-rag"]?["ports"] == .array([.string("8001:8001")]))
        #expect(services["nova-api"]?["ports"] == .array([.string("8000:8000")]))
        for (file, port) in [("deploy/nova-rag.Dockerfile", 8001), ("deploy/nova.Dockerfile", 8000)] {
            let dockerfile = try Self.text(file)
            #expect(dockerfile.contains("EXPOSE \(port)"))
            #expect(dockerfile.contains("PORT=\(port)"))
            #expect(dockerfile.contains("/health"))
            #expect(dockerfile.contains("USER nova"))
        }
        for file in ["deploy/railway/nova.json", "deploy/railway/nova-rag.json"] {
            let railway = try #require(JSONValue(jsonText: try Self.text(file)))
            #expect(railway["deploy"]?["healthcheckPath"] == .string("/health"))
            let dockerfile = try #require(railway["build"]?["dockerfilePath"]?.stringValue)
            #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(dockerfile).path))
            let start = try #require(railway["deploy"]?["startCommand"]?.stringValue)
            #expect(start == (file.hasSuffix("nova-rag.json") ? "nova-rag serve" : "nova serve"))
        }
        let env = try TestEnvironment()
        let rag = try await NovaRAG.buildApplication(config: RAGConfig(env: env.rag(["EMBEDDING_PROVIDER": "hash"])), logger: TestEnvironment.logger)
        try await rag.test(.router) { client in
            let status = try await client.call(.get, "/health").0
            #expect(status == .ok)
        }
        let nova = try await NovaAPI.buildApplication(config: NovaConfig(env: env.nova()), logger: TestEnvironment.logger)
        try await nova.test(.router) { client in
            let status = try await client.call(.get, "/health").0
            #expect(status == .ok)
        }
    }
}
