import Foundation
import Logging

/// A log handler that keeps every line (message and metadata rendered as text), to prove what was never logged.
struct CapturingLogHandler: LogHandler {
    /// The lines logged through every handler sharing it.
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []

        var all: [String] { lock.withLock { lines } }

        func append(_ line: String) {
            lock.withLock { lines.append(line) }
        }
    }

    let lines: Lines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
        lines.append(
            "\(event.level) \(event.message) \(event.error.map { "\($0)" } ?? "") \(merged.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " "))"
        )
    }

    /// A logger at trace level whose lines go to `lines`.
    static func logger(_ lines: Lines) -> Logger {
        Logger(label: "nova-capture") { _ in CapturingLogHandler(lines: lines) }
    }
}
