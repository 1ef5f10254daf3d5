import RAGCore

/// The online decision as nova takes it with an LLM key: a candidate below the floor is a miss; one the guard finds in
/// conflict is always confirmed (the guard is a hint to the verifier); any other is assessed by ``HitBound`` from the
/// verified outcomes so far, served or confirmed, and a confirmation's verdict is recorded for its entry and workflow.
struct OnlineDecision {
    let bound: HitBound
    let floor: Float
    private var entries: [String: HitEvidence] = [:]
    private var workflows: [Int: HitEvidence] = [:]

    init(bound: HitBound, floor: Float) {
        self.bound = bound
        self.floor = floor
    }

    /// Decides one request; `verifier` answers a confirmation. Returns whether cached code ran and whether the verifier was asked.
    mutating func decide(
        _ pair: StreamPair, cosine: Float, guardConflict: Bool, draw: Double, verifier: () -> Bool
    ) -> (hit: Bool, confirmed: Bool) {
        guard cosine >= floor else { return (false, false) }
        let key = "\(pair.workflow)\u{1F}\(pair.a)"
        if !guardConflict {
            let assessment = bound.assess(
                similarity: Double(cosine), entry: entries[key] ?? HitEvidence(), workflow: workflows[pair.workflow] ?? HitEvidence())
            if assessment.decision(draw: draw) == .serve { return (true, false) }
        }
        let verdict = verifier()
        if !guardConflict {
            entries[key, default: HitEvidence()].record(similarity: Double(cosine), correct: verdict)
            workflows[pair.workflow, default: HitEvidence()].record(similarity: Double(cosine), correct: verdict)
        }
        return (verdict, true)
    }
}
