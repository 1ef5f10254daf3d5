import Foundation
import Logging

/// A log handler that writes one JSON object per line to standard error (`JSON_LOGS=true`).
///
/// Each line holds `timestamp`, `level`, `logger`, `message` and the metadata as string members.
package struct JSONLogHandler: LogHandler {
    /// Merged into every line, below the per-call metadata.
    package var metadata: Logger.Metadata = [:]
    /// Lines below this level are dropped.
    package var logLevel: Logger.Level
    private let label: String

    /// Creates a handler for the logger `label`.
    package init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    /// Reads or writes one metadata value.
    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Writes one line.
    package func log(event: LogEvent) {
        var object: [String: String] = [
            "timestamp": Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true)),
            "level": event.level.rawValue,
            "logger": label,
            "message": event.message.description,
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            object[key] = value.description
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard var line = try? encoder.encode(object) else { return }
        line.append(0x0A)
        FileHandle.standardError.write(line)
    }
}
