import NovaJSON

/// `_execution_metadata` of a node's code run, and the output of its `e2b_execution` step: the tails of stdout and
/// stderr, redacted, and the exit code (null when the process was killed by a signal).
struct CodeRunOutput: Encodable {
    let stdout: String
    let stderr: String
    @NullEncoded var exitCode: Int?

    enum CodingKeys: String, CodingKey {
        case stdout, stderr
        case exitCode = "exit_code"
    }
}

/// The output of an `analysis_execution` step: the tails of stdout and stderr, redacted.
struct AnalysisRunOutput: Encodable {
    let stdout: String
    let stderr: String
}
