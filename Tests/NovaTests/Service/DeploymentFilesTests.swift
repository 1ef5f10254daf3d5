import Foundation
import HummingbirdTesting
import NovaJSON
import ServiceKit
import Testing

@testable import NovaAPI
@testable import NovaRAG

/// docker-compose.yml, the Dockerfiles, the Railway files and docs/deploy-railway.md agree with the code: every
/// variable they set is one the service's configuration readers ask for (recorded by `EnvironmentKeyLog`, not a
/// hand-kept list), ports agree with `PORT`, commands are subcommands the executables have, health paths answer 200.
@Suite("Deployment files")
struct DeploymentFilesTests {
    private static let root = TestEnvironment.repository

    /// The executables, by name, as the deployment files start them.
    private enum Executable: String {
        case nova
        case novaRAG = "nova-rag"
    }

    @Test("docker-compose config -q accepts the compose file with .env.example, and stops naming RAG_API_KEY without it")
    func composeValidates() throws {
        let example = Self.root.appendingPathComponent(".env.example").path
        let accepted = try Self.run(["docker-compose", "--env-file", example, "-f", "docker-compose.yml", "config", "-q"])
        #expect(accepted.status == 0, "docker-compose config -q with .env.example: \(accepted.output)")
        let withoutKey = try Self.emptyFile()
        try Self.text(".env.example").split(separator: "\n").filter { !$0.hasPrefix("RAG_API_KEY=") }.joined(separator: "\n")
            .write(to: withoutKey, atomically: true, encoding: .utf8)
        let refused = try Self.run(["docker-compose", "--env-file", withoutKey.path, "-f", "docker-compose.yml", "config", "-q"])
        #expect(refused.status != 0 && refused.output.contains("set RAG_API_KEY in .env"), "without RAG_API_KEY: \(refused.output)")
    }

    @Test("every variable compose sets is one the service reads; .env.example holds only variables compose uses")
    func composeVariablesAreRead() throws {
        let services = try Self.composeServices()
        for (name, service) in services where service["build"] != nil {
            let environment = Self.environment(of: service)
            let read = try Self.keysRead(by: try Self.executable(of: service), environment: environment)
            for key in environment.keys.sorted() {
                #expect(read.contains(key), "compose service \(name) sets \(key), which its configuration never reads")
            }
        }
        let composeText = try Self.text("docker-compose.yml")
        for key in try Self.assignments(in: Self.text(".env.example")).keys.sorted() {
            #expect(composeText.contains("${\(key)"), ".env.example sets \(key), which docker-compose.yml never uses")
        }
    }

    @Test("compose: the worker runs `nova worker`, the services wait for healthy dependencies, nova-rag keeps its data")
    func composeServicesAreWired() throws {
        let services = try Self.composeServices()
        #expect(Set(services.keys) == ["postgres", "redis", "nova-rag", "nova-api", "nova-worker"])
        let worker = try #require(services["nova-worker"])
        #expect(worker["command"] == .array([.string("nova"), .string("worker")]))
        #expect(try Self.parsedSubcommand(of: worker) is NovaAPI.WorkerCommand)
        #expect(try Self.parsedSubcommand(of: #require(services["nova-api"])) is NovaAPI.ServeCommand)
        #expect(try Self.parsedSubcommand(of: #require(services["nova-rag"])) is NovaRAG.ServeCommand)
        for (name, service) in services {
            #expect(service["restart"] == "unless-stopped", "\(name) is not restarted")
        }
        let novaMounts = ["nova-api", "nova-worker"].map { name in services[name]?["volumes"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        #expect(
            novaMounts[0] == novaMounts[1] && novaMounts[0].first?.split(separator: ":").dropFirst().first == "/data",
            "nova's API and worker mount \(novaMounts)")
        let api = try #require(services["nova-api"])
        let redisURL = try #require(URL(string: Self.environment(of: api)["REDIS_URL"] ?? ""))
        let password = try #require(redisURL.password, "REDIS_URL has no password")
        let redisCommand = services["redis"]?["command"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(redisCommand.suffix(2) == ["--requirepass", password], "redis runs \(redisCommand)")
        for name in ["nova-api", "nova-worker"] {
            let dependencies = try #require(services[name]?["depends_on"]?.objectValue, "\(name) has no depends_on")
            #expect(Set(dependencies.keys) == ["postgres", "redis", "nova-rag"])
            for (dependency, condition) in dependencies {
                #expect(condition["condition"] == "service_healthy", "\(name) does not wait for \(dependency) to be healthy")
                #expect(services[dependency]?["healthcheck"] != nil, "\(dependency) has no health check to wait for")
            }
        }
        let ragEnvironment = Self.environment(of: try #require(services["nova-rag"]))
        let dataDirectory = try #require(ragEnvironment["NOVA_RAG_DATA_DIR"])
        let volumes = try Self.composeDocument()["volumes"]?.objectValue ?? [:]
        let mounts = services["nova-rag"]?["volumes"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(
            mounts.contains { mount in
                let parts = mount.split(separator: ":").map(String.init)
                return parts.count >= 2 && volumes[parts[0]] != nil && parts[1] == dataDirectory
            }, "nova-rag's data directory \(dataDirectory) is not on a named volume: \(mounts)")
    }

    @Test("compose: published ports are the services' PORT, health checks and RAG_SERVICE_URL use them, health paths answer")
    func composePortsAndHealth() async throws {
        let services = try Self.composeServices()
        var listenPorts: [String: Int] = [:]
        for name in ["nova-rag", "nova-api"] {
            let service = try #require(services[name])
            let port = try Self.listenPort(of: Self.executable(of: service), environment: Self.environment(of: service))
            listenPorts[name] = port
            let published = service["ports"]?.arrayValue ?? []
            #expect(published.count == 1 && published.first?["target"]?.intValue == port, "\(name) publishes \(published), listens on \(port)")
            let test = service["healthcheck"]?["test"]?.arrayValue?.compactMap(\.stringValue).joined(separator: " ") ?? ""
            let url = try #require(test.firstMatch(of: #/http://\S+/#).flatMap { URL(string: String($0.0)) }, "\(name) health check \(test)")
            #expect(url.port == port, "\(name) health check \(url) is not on port \(port)")
            #expect(try await Self.status(of: url.path, on: Self.executable(of: service)) == 200, "\(name) answers \(url.path) with an error")
        }
        for name in ["nova-api", "nova-worker"] {
            let service = try #require(services[name])
            let rag = try #require(URL(string: Self.environment(of: service)["RAG_SERVICE_URL"] ?? ""))
            #expect(rag.absoluteString == "http://nova-rag:8001")
            #expect(rag.port == listenPorts["nova-rag"], "\(name) calls nova-rag on \(rag), which listens on \(listenPorts["nova-rag"] ?? 0)")
        }
    }

    @Test("Dockerfile: one build stage; per target a non-root user, ENV read by the service, EXPOSE its PORT, health check and CMD real")
    func dockerfiles() async throws {
        let file = "deploy/Dockerfile"
        #expect(try Self.text(file).matches(of: #/swift build -c release --static-swift-stdlib/#).count == 2)
        let runtime = try Self.stage("runtime", of: file)
        #expect(runtime.contains("groupadd --system --gid 10001 nova") && runtime.contains("--gid nova") && runtime.contains("chown nova:nova /data"))
        for executable in [Executable.nova, .novaRAG] {
            let stage = try Self.stage(executable.rawValue, of: file)
            let user = try #require(Self.instruction("USER", in: stage), "\(file) has no USER")
            #expect(!["root", "0"].contains(user), "\(file) runs as root")
            let environment = try Self.assignments(
                in: Self.instructions("ENV", in: stage).joined(separator: " ").replacingOccurrences(of: " ", with: "\n"))
            let read = try Self.keysRead(by: executable, environment: environment)
            for key in environment.keys.sorted() {
                #expect(read.contains(key), "\(file) sets \(key), which \(executable.rawValue) never reads")
            }
            let port = try Self.listenPort(of: executable, environment: environment)
            #expect(Self.instruction("EXPOSE", in: stage) == String(port), "\(file) exposes another port than PORT \(port)")
            #expect(port == (try Self.listenPort(of: executable, environment: [:])), "\(file) PORT is not the service's default")
            let healthcheck = try #require(stage.split(separator: "\n").first { $0.hasPrefix("HEALTHCHECK") }.map(String.init), "\(file)")
            let path = try #require(healthcheck.firstMatch(of: #/\$\{PORT\}(/[a-z/]*)/#)?.1, "\(file) health check does not use ${PORT}")
            #expect(try await Self.status(of: String(path), on: executable) == 200)
            let cmd = Self.instruction("CMD", in: stage) ?? ""
            let words = JSONValue(jsonText: cmd)?.arrayValue?.compactMap(\.stringValue)
            let command = try #require(words, "\(file) CMD \(cmd) is not a JSON array")
            #expect(command.first == executable.rawValue, "\(file) CMD \(command)")
            #expect(
                Self.parsedSubcommand(executable, Array(command.dropFirst())) != nil,
                "\(file) CMD \(command) is not a command of \(executable.rawValue)")
        }
    }

    @Test("Railway: each file builds its executable's Dockerfile, starts a command it has, health path answers")
    func railway() async throws {
        let files: [(String, Executable, subcommand: String)] = [
            ("deploy/railway/nova.json", .nova, "serve"), ("deploy/railway/nova-worker.json", .nova, "worker"),
            ("deploy/railway/nova-rag.json", .novaRAG, "serve"),
        ]
        for (file, executable, subcommand) in files {
            let railway = try #require(JSONValue(jsonText: try Self.text(file)))
            let dockerfile = try #require(railway["build"]?["dockerfilePath"]?.stringValue)
            #expect(dockerfile == "deploy/Dockerfile")
            #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(dockerfile).path))
            let start = try #require(railway["deploy"]?["startCommand"]?.stringValue).split(separator: " ").map(String.init)
            #expect(start == [executable.rawValue, subcommand], "\(file) starts \(start)")
            #expect(
                Self.parsedSubcommand(executable, Array(start.dropFirst())) != nil, "\(file): \(start) is not a command of \(executable.rawValue)")
            #expect(railway["deploy"]?["restartPolicyType"] == "ON_FAILURE")
            if subcommand == "serve" {
                let path = try #require(railway["deploy"]?["healthcheckPath"]?.stringValue, "\(file) has no health check")
                #expect(try await Self.status(of: path, on: executable) == 200)
            }
        }
    }

    @Test("docs/deploy-railway.md names only variables the service of its section reads")
    func railwayGuideVariables() throws {
        let guide = try Self.text("docs/deploy-railway.md")
        let services = try Self.composeServices()
        for (heading, composeService, executable) in [("## 1. nova-rag", "nova-rag", Executable.novaRAG), ("## 2. nova", "nova-api", .nova)] {
            let start = try #require(guide.range(of: heading), "no section \(heading)")
            let rest = guide[start.upperBound...]
            let section = rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
            let named = Set(section.matches(of: #/`([A-Z][A-Z0-9_]+)`/#).map { String($0.1) })
            #expect(!named.isEmpty)
            let read = try Self.keysRead(by: executable, environment: Self.environment(of: try #require(services[composeService])))
            for key in named.sorted() {
                #expect(read.contains(key), "docs/deploy-railway.md tells to set \(key) on \(executable.rawValue), which never reads it")
            }
        }
    }

    // MARK: - What the services read, how they parse commands, what their routes answer

    /// The variable names the executable's startup readers ask for (`LoggingBootstrap`, then its configuration) when
    /// started with `environment`.
    private static func keysRead(by executable: Executable, environment: [String: String]) throws -> Set<String> {
        let log = EnvironmentKeyLog()
        let env = EnvironmentReader(environment, log: log)
        _ = try LoggingBootstrap.settings(from: env)
        switch executable {
        case .nova: _ = try NovaConfig(env: env)
        case .novaRAG: _ = try RAGConfig(env: env)
        }
        return log.keys
    }

    private static func listenPort(of executable: Executable, environment: [String: String]) throws -> Int {
        switch executable {
        case .nova: try NovaConfig(env: EnvironmentReader(environment)).listen.port
        case .novaRAG: try RAGConfig(env: EnvironmentReader(environment)).listen.port
        }
    }

    /// The subcommand the executable's argument parser makes of `arguments` (nil when it rejects them).
    private static func parsedSubcommand(_ executable: Executable, _ arguments: [String]) -> Any? {
        switch executable {
        case .nova: try? NovaAPI.NovaCommand.parseAsRoot(arguments)
        case .novaRAG: try? NovaRAG.NovaRAGCommand.parseAsRoot(arguments)
        }
    }

    private static func parsedSubcommand(of service: JSONValue) throws -> Any? {
        let command = service["command"]?.arrayValue?.compactMap(\.stringValue) ?? []
        return parsedSubcommand(try executable(of: service), Array(command.dropFirst()))
    }

    /// The HTTP status of `GET path` on a freshly built application of the executable.
    private static func status(of path: String, on executable: Executable) async throws -> Int {
        let env = try TestEnvironment()
        switch executable {
        case .nova:
            let app = try await NovaAPI.buildApplication(config: NovaConfig(env: env.nova()), logger: TestEnvironment.logger)
            return try await app.test(.router) { client in try await client.call(.get, path).0.code }
        case .novaRAG:
            return try await RAGApp.run(directory: env) { client in try await client.call(.get, path).0.code }
        }
    }

    // MARK: - Reading the files

    private static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    private static func emptyFile() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("nova-empty-\(UUID().uuidString).env")
        try Data().write(to: url)
        return url
    }

    /// The compose file as docker-compose resolves it with .env.example (anchors and merges applied).
    private static func composeDocument() throws -> JSONValue {
        let script = """
            import json, subprocess, sys, yaml
            resolved = subprocess.run(["docker-compose", "--env-file", sys.argv[1], "-f", "docker-compose.yml", "config"],
                                      check=True, capture_output=True, text=True).stdout
            json.dump(yaml.safe_load(resolved), sys.stdout)
            """
        let result = try run(["python3", "-c", script, root.appendingPathComponent(".env.example").path], includingErrors: false)
        #expect(result.status == 0, "docker-compose config: \(result.output)")
        return try #require(JSONValue(jsonText: result.output))
    }

    private static func composeServices() throws -> [String: JSONValue] {
        try #require(try composeDocument()["services"]?.objectValue)
    }

    private static func environment(of service: JSONValue) -> [String: String] {
        (service["environment"]?.objectValue ?? [:]).compactMapValues { $0.stringValue ?? ($0 == .null ? "" : $0.jsonText) }
    }

    private static func executable(of service: JSONValue) throws -> Executable {
        let first = try #require(service["command"]?.arrayValue?.first?.stringValue, "a built service without command")
        return try #require(Executable(rawValue: first), "unknown executable \(first)")
    }

    /// `KEY=VALUE` lines (comments and blank lines skipped).
    private static func assignments(in text: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && line.contains("=") {
            let parts = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            result[String(parts[0]).trimmingCharacters(in: .whitespaces)] = String(parts[1])
        }
        return result
    }

    /// The stage `FROM … AS name` of a multi-stage Dockerfile, continuation lines joined.
    private static func stage(_ name: String, of file: String) throws -> String {
        let joined = try text(file).replacingOccurrences(of: "\\\n", with: " ")
        let stage = joined.components(separatedBy: "\nFROM ").first { $0.split(separator: "\n").first?.hasSuffix(" AS \(name)") == true }
        return try #require(stage, "\(file) has no stage \(name)")
    }

    /// The arguments of the stage's `<keyword> …` lines, in order.
    private static func instructions(_ keyword: String, in stage: String) -> [String] {
        stage.split(separator: "\n").filter { $0.hasPrefix(keyword + " ") }.map {
            String($0.dropFirst(keyword.count + 1)).trimmingCharacters(in: .whitespaces)
        }
    }

    /// The argument of the stage's last `<keyword> …` line.
    private static func instruction(_ keyword: String, in stage: String) -> String? {
        instructions(keyword, in: stage).last
    }

    /// Runs `arguments` in the repository; the output is stdout, followed by stderr when `includingErrors`.
    private static func run(_ arguments: [String], includingErrors: Bool = true) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = includingErrors ? output : FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
