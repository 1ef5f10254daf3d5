import Crypto

extension CodeEntry {
    /// Entries with equal keys are duplicates (contract §2.8, D6): same workflow, node action and byte-identical code.
    package var dedupKey: String {
        let digest = SHA256.hash(data: Array(code.utf8)).map { String(format: "%02x", $0) }.joined()
        return "\(workflowID.map(String.init) ?? "-")|\(nodeAction)|\(digest)"
    }
}
