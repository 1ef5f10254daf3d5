/// The error-rate bound over the semantic cache: candidates assessed from the verified outcomes in the store, and
/// outcomes recorded for an entry (docs/api.md §2.7, §2.10).
extension SemanticCodeCache {
    /// `matches` with their ``HitBound`` assessment at `query`'s tolerated error rate and a decision each: a candidate in
    /// conflict with the prompt guard is always confirmed, any other served with the assessment's probability. When the
    /// outcomes cannot be read, every candidate is confirmed.
    nonisolated func assessed(_ matches: [CodeMatch], query: CodeSearchQuery) async -> [CodeMatch] {
        guard let maxErrorRate = query.maxErrorRate else { return matches }
        let bound = HitBound(maxErrorRate: maxErrorRate)
        var pools: [EvidencePool: (entries: [String: HitEvidence], workflow: HitEvidence)?] = [:]
        var assessed: [CodeMatch] = []
        for var match in matches {
            let pool = EvidencePool(workflowID: match.entry.workflowID, guardConflict: match.guardConflict != nil)
            if pools[pool] == nil {
                let entries = try? await outcomes.evidence(workflowID: pool.workflowID, guardConflict: pool.guardConflict)
                pools[pool] = .some(entries.map { ($0, $0.values.reduce(HitEvidence()) { $0.adding($1) }) })
            }
            match.decision = .confirm
            if let evidence = pools[pool] ?? nil {
                let assessment = bound.assess(
                    similarity: match.score, entry: evidence.entries[match.entry.id] ?? HitEvidence(), workflow: evidence.workflow)
                match.assessment = assessment
                if !pool.guardConflict { match.decision = assessment.decision(draw: Double.random(in: 0..<1)) }
            }
            assessed.append(match)
        }
        return assessed
    }

    /// Records `outcome` for a candidate of entry `id` found at `similarity`; false for an unknown id.
    package nonisolated func recordOutcome(_ outcome: HitOutcome, id: String, similarity: Double, guardConflict: Bool) async throws -> Bool {
        guard let entry = entry(id: id) else { return false }
        try await outcomes.record(outcome, entryID: id, workflowID: entry.workflowID, similarity: similarity, guardConflict: guardConflict)
        return true
    }
}

/// The outcomes one assessment reads: a workflow's (entries without one together), for one guard verdict.
private struct EvidencePool: Hashable {
    let workflowID: Int?
    let guardConflict: Bool
}
