import Logging
import ServiceKit

extension RAGConfig {
    /// What every `nova-rag` subcommand does first: read the environment, install the log handler, parse the
    /// configuration. Returns it with the process's root logger.
    static func startup() throws -> (RAGConfig, Logger) {
        let env = EnvironmentReader()
        try LoggingBootstrap.install(from: env)
        return (try RAGConfig(env: env), Logger(label: "nova-rag"))
    }
}
