import Foundation

/// A Redis server of the test's own on a free loopback port, without persistence, so a test can restart it empty as a
/// managed Redis that restarts or fails over without persistence would.
final class RedisServerProcess: @unchecked Sendable {
    let port: Int
    private var process: Process

    /// Starts `redis-server` and waits until it answers `PING`.
    init() async throws {
        port = try ServiceProcess.freePort()
        process = try await Self.start(port: port)
    }

    /// `redis://127.0.0.1:<port>`.
    var url: String { "redis://127.0.0.1:\(port)" }

    /// Shuts the server down without saving (`SHUTDOWN NOSAVE`) and starts a new, empty one on the same port.
    func restartEmpty() async throws {
        stop()
        process = try await Self.start(port: port)
    }

    /// Stops the server. Not with SIGTERM: a child of the test process inherits its blocked signal mask.
    func stop() {
        guard process.isRunning else { return }
        _ = try? Self.cli(port: port, ["SHUTDOWN", "NOSAVE"])
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    private static func start(port: Int) async throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/redis-server")
        process.arguments = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--loglevel", "warning"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        for _ in 0..<200 {
            if (try? cli(port: port, ["PING"])) == "PONG" { return process }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ServiceProcess.ProcessFailed(description: "redis-server on port \(port) did not answer PING within 10 s")
    }

    /// Runs `redis-cli` against the server and returns its output, trimmed.
    @discardableResult
    static func cli(port: Int, _ arguments: [String]) throws -> String {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/redis-cli")
        process.arguments = ["-p", String(port)] + arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
