import NovaCore

extension CodeEntry {
    /// Entries with equal keys are duplicates (docs/api.md §2.8, D6): same workflow, node action and byte-identical code.
    package var dedupKey: String {
        "\(workflowID.map(String.init) ?? "-")|\(nodeAction)|\(SHA256Hex.of(code))"
    }
}
