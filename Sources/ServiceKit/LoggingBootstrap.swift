import Logging

/// Installs the process's log handler once, from `LOG_LEVEL` and `JSON_LOGS`.
package enum LoggingBootstrap {
    /// Parses the log settings; a bad value is a ``ConfigError`` naming the variable.
    package static func settings(from env: EnvironmentReader) throws -> (level: Logger.Level, json: Bool) {
        let name = try env.choice("LOG_LEVEL", default: "info", from: ["trace", "debug", "info", "notice", "warning", "error", "critical"])
        let json = try env.bool("JSON_LOGS", default: false)
        return (Logger.Level(rawValue: name) ?? .info, json)
    }

    /// Reads `LOG_LEVEL` and `JSON_LOGS` from `env` and installs the handler: the first step of every subcommand.
    package static func install(from env: EnvironmentReader) throws {
        let log = try settings(from: env)
        install(level: log.level, json: log.json)
    }

    /// Installs JSON lines or human-readable text on standard error.
    package static func install(level: Logger.Level, json: Bool) {
        LoggingSystem.bootstrap { label in
            if json { return JSONLogHandler(label: label, level: level) }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
