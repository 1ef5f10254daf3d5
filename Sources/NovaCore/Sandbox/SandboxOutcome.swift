import NovaJSON

/// The program contract's verdict on a run (docs/api.md §3.9, one parser for all code, D26).
package enum SandboxOutcome: Sendable, Hashable {
    /// The keys to merge into the workflow context (`_`-prefixed keys already dropped).
    case success(updates: [String: JSONValue])
    /// User-code failure: a node error, not an infrastructure failure.
    case failure(SandboxFailure)
}
