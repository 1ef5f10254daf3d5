import ArgumentParser
import Logging

/// Runs a command's body; any error is logged as one critical line naming the problem and the process exits 1.
package func runReportingStartupErrors(label: String, _ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch {
        let logger = Logger(label: label)
        let message = String(describing: error)
        logger.critical("\(message)")
        throw ExitCode.failure
    }
}
