/// Compares the analyses of two prompts, check by check, and names the first disagreement.
struct PromptComparison {
    /// The new prompt.
    let query: PromptAnalysis
    /// The stored entry's prompt.
    let candidate: PromptAnalysis

    /// Dimensions on which two prompts conflict only when they share no value (one may do more than the other), or
    /// when both name values beyond the passive ones and share none of those.
    private static let overlappingDimensions: Set<ContrastDimension> = [.action]
    /// Kinds of contrast dimension whose values take part in the swapped-word check, like content words.
    private static let swappableKinds: Set<String> = ["operation", "field"]
    /// Values of the overlapping dimensions that change nothing: reading is implied by most requests.
    private static let passiveValues: Set<String> = ["read"]
    /// The most content terms each prompt may have that the other lacks for them to count as a swapped-word pair.
    private static let maximumSwappedTerms = 3
    /// The least shared evidence (terms, agreeing dimensions, numbers) for two prompts to count as the same template.
    private static let minimumSharedEvidence = 1

    /// The reason of the first conflict, or nil when the prompts are compatible.
    func conflict() -> String? {
        let checks: [(PromptComparison) -> () -> String?] = [
            Self.numberConflict, Self.currencyConflict, Self.spanConflict, Self.identifierConflict, Self.literalConflict,
            Self.contrastConflict, Self.rankingConflict, Self.headConflict, Self.negationConflict, Self.qualifierConflict, Self.compoundConflict,
            Self.classConflict, Self.swappedTermConflict,
        ]
        return checks.lazy.compactMap { $0(self)() }.first
    }

    private func numberConflict() -> String? {
        let queryAll = query.numbers.union(query.weakNumbers), candidateAll = candidate.numbers.union(candidate.weakNumbers)
        let queryNumbers = query.numbers.union(query.weakNumbers.intersection(candidateAll))
        let candidateNumbers = candidate.numbers.union(candidate.weakNumbers.intersection(queryAll))
        guard queryNumbers != candidateNumbers else { return nil }
        return "number \(Self.describe(queryNumbers)) vs \(Self.describe(candidateNumbers))"
    }

    private func currencyConflict() -> String? {
        let queryCodes = query.currencies, candidateCodes = candidate.currencies
        guard !queryCodes.isEmpty, !candidateCodes.isEmpty, queryCodes != candidateCodes else { return nil }
        if Set(queryCodes) == Set(candidateCodes) {
            return "direction \(queryCodes.joined(separator: "→")) vs \(candidateCodes.joined(separator: "→"))"
        }
        return "currency \(queryCodes.joined(separator: ", ")) vs \(candidateCodes.joined(separator: ", "))"
    }

    /// "from A to B" against "from B to A".
    private func spanConflict() -> String? {
        let querySources = query.sources.subtracting(query.targets), queryTargets = query.targets.subtracting(query.sources)
        let candidateSources = candidate.sources.subtracting(candidate.targets)
        let candidateTargets = candidate.targets.subtracting(candidate.sources)
        let forward = querySources.intersection(candidateTargets), backward = queryTargets.intersection(candidateSources)
        guard !forward.isEmpty, !backward.isEmpty else { return nil }
        let from = Self.describe(forward), to = Self.describe(backward)
        return "direction from \(from) to \(to) vs from \(to) to \(from)"
    }

    /// "sent to A" against "sent from A": what one prompt names right after "from", the other names right after "to".
    private func headConflict() -> String? {
        let querySources = query.sourceHeads.subtracting(query.targetHeads), queryTargets = query.targetHeads.subtracting(query.sourceHeads)
        let candidateSources = candidate.sourceHeads.subtracting(candidate.targetHeads)
        let candidateTargets = candidate.targetHeads.subtracting(candidate.sourceHeads)
        let forward = querySources.intersection(candidateTargets), backward = queryTargets.intersection(candidateSources)
        if !forward.isEmpty { return "direction from \(Self.describe(forward)) vs to \(Self.describe(forward))" }
        if !backward.isEmpty { return "direction to \(Self.describe(backward)) vs from \(Self.describe(backward))" }
        return nil
    }

    private func identifierConflict() -> String? {
        let queryNames = query.identifiers, candidateNames = candidate.identifiers
        guard !queryNames.isEmpty, !candidateNames.isEmpty, queryNames != candidateNames else { return nil }
        let kind = Set(queryNames) == Set(candidateNames) ? "direction" : "field"
        return "\(kind) \(queryNames.joined(separator: ", ").uppercased()) vs \(candidateNames.joined(separator: ", ").uppercased())"
    }

    private func literalConflict() -> String? {
        let queryLiterals = query.literals, candidateLiterals = candidate.literals
        guard !queryLiterals.isEmpty, !candidateLiterals.isEmpty, queryLiterals != candidateLiterals else { return nil }
        return "field '\(queryLiterals.joined(separator: "', '"))' vs '\(candidateLiterals.joined(separator: "', '"))'"
    }

    /// Whether both prompts change data and share no change: "parse the CSV and insert each row" against "parse the CSV
    /// and delete each row".
    private static func changesDiffer(_ query: Set<String>, _ candidate: Set<String>) -> Bool {
        let queryChanges = query.subtracting(passiveValues), candidateChanges = candidate.subtracting(passiveValues)
        return !queryChanges.isEmpty && !candidateChanges.isEmpty && queryChanges.isDisjoint(with: candidateChanges)
    }

    private func contrastConflict() -> String? {
        for dimension in ContrastDimension.allCases {
            guard let queryValues = query.contrasts[dimension], let candidateValues = candidate.contrasts[dimension] else { continue }
            let disagree =
                Self.overlappingDimensions.contains(dimension)
                ? queryValues.isDisjoint(with: candidateValues) || Self.changesDiffer(queryValues, candidateValues)
                : queryValues != candidateValues
            if disagree { return "\(dimension.kind) \(Self.describe(queryValues)) vs \(Self.describe(candidateValues))" }
        }
        return nil
    }

    /// "the 3 most recent payments" against "the 3 largest payments": one prompt picks by position only, the other by
    /// value only.
    private func rankingConflict() -> String? {
        let queryPosition = query.contrasts[.position], queryExtreme = query.contrasts[.extreme]
        let candidatePosition = candidate.contrasts[.position], candidateExtreme = candidate.contrasts[.extreme]
        if let queryPosition, queryExtreme == nil, let candidateExtreme, candidatePosition == nil {
            return "direction \(Self.describe(queryPosition)) vs \(Self.describe(candidateExtreme))"
        }
        if let queryExtreme, queryPosition == nil, let candidatePosition, candidateExtreme == nil {
            return "direction \(Self.describe(queryExtreme)) vs \(Self.describe(candidatePosition))"
        }
        return nil
    }

    private func negationConflict() -> String? {
        let queryNegated = query.negations % 2 == 1, candidateNegated = candidate.negations % 2 == 1
        guard queryNegated != candidateNegated else { return nil }
        return queryNegated ? "negation negated vs affirmative" : "negation affirmative vs negated"
    }

    /// "count the distinct customers" against "count the customers": a qualifier on one side only.
    private func qualifierConflict() -> String? {
        for qualifier in PromptLexicon.qualifiers.sorted() where (query.terms[qualifier] == nil) != (candidate.terms[qualifier] == nil) {
            return query.terms[qualifier] == nil ? "operation none vs \(qualifier)" : "operation \(qualifier) vs none"
        }
        return nil
    }

    /// "order date" against "delivery date": the same head noun with other modifiers only.
    private func compoundConflict() -> String? {
        for (head, modifiers) in query.compounds.sorted(by: { $0.key < $1.key }) {
            guard let others = candidate.compounds[head], others.isDisjoint(with: modifiers) else { continue }
            let queryNames = modifiers.sorted().map { "\($0) \(head)" }.joined(separator: ", ")
            let candidateNames = others.sorted().map { "\($0) \(head)" }.joined(separator: ", ")
            return "field \(queryNames) vs \(candidateNames)"
        }
        return nil
    }

    /// The same request with a content word swapped in place: "invoice total" against "invoice date", "sender" against
    /// "recipient", "count" against "list". The swapped words must stand between the same neighbours of the two
    /// prompts' longest common sequence of words, so that reordered paraphrases are not mistaken for swaps, and play
    /// the same part: the leading verb of one prompt against a word inside the other ("Return total sales … for 2023"
    /// against "For the year 2023, sum sales …") is a reworded sentence, not a swap.
    private func swappedTermConflict() -> String? {
        let queryWords = swappableWords(of: query, other: candidate), candidateWords = swappableWords(of: candidate, other: query)
        let onlyQuery = Set(queryWords.keys).subtracting(candidateWords.keys)
        let onlyCandidate = Set(candidateWords.keys).subtracting(queryWords.keys)
        let shared = Set(query.terms.keys).intersection(candidate.terms.keys).subtracting(PromptLexicon.lightTerms)
        guard !onlyQuery.isEmpty, !onlyCandidate.isEmpty,
            onlyQuery.count <= Self.maximumSwappedTerms, onlyCandidate.count <= Self.maximumSwappedTerms,
            sharedEvidence(terms: shared) >= Self.minimumSharedEvidence,
            let swap = SequenceAlignment(
                query.sequence.filter { queryWords[$0] != nil }, candidate.sequence.filter { candidateWords[$0] != nil }
            ).firstReplacement(onlyIn: onlyQuery, and: onlyCandidate),
            !swap.query.allSatisfy(Self.isRewording), !swap.candidate.allSatisfy(Self.isRewording),
            swap.query.contains(where: query.leadingKeys.contains) == swap.candidate.contains(where: candidate.leadingKeys.contains)
        else { return nil }
        return "term \(Self.describe(swap.query.compactMap { queryWords[$0] })) vs \(Self.describe(swap.candidate.compactMap { candidateWords[$0] }))"
    }

    /// "The sender's address" against "the address of the recipient": each prompt names a member of a class of
    /// mutually exclusive terms that the other does not, wherever it stands.
    private func classConflict() -> String? {
        for (kind, members) in PromptLexicon.exclusiveClasses {
            let queryMembers = members.filter { query.terms[$0] != nil }, candidateMembers = members.filter { candidate.terms[$0] != nil }
            let onlyQuery = queryMembers.subtracting(candidateMembers), onlyCandidate = candidateMembers.subtracting(queryMembers)
            guard !onlyQuery.isEmpty, !onlyCandidate.isEmpty else { continue }
            return "\(kind) \(Self.describe(onlyQuery)) vs \(Self.describe(onlyCandidate))"
        }
        return nil
    }

    /// Whether a swapped word only rewords the request: a general verb or a linking word ("take the net amount and
    /// apply 21% VAT" against "compute 21% VAT on the net amount").
    private static func isRewording(_ key: String) -> Bool {
        PromptLexicon.genericStems.contains(key)
    }

    /// Content terms that are not light, and operations on dimensions the other prompt leaves unnamed, each with the
    /// words the prompt used (an operation by its value). A word with several senses ("add": insert or arithmetic)
    /// is not swappable when the other prompt names any of its dimensions: that prompt reads it in the other sense.
    private func swappableWords(of analysis: PromptAnalysis, other: PromptAnalysis) -> [String: String] {
        var words = analysis.terms.filter { !PromptLexicon.lightTerms.contains($0.key) }
        for (dimension, values) in analysis.contrasts where Self.swappableKinds.contains(dimension.kind) && other.contrasts[dimension] == nil {
            for value in values {
                let surface = analysis.contrastWords[value] ?? value
                let senses = analysis.wordDimensions[surface] ?? []
                guard !senses.contains(where: { other.contrasts[$0] != nil }) else { continue }
                words["\(dimension.rawValue):\(value)"] = surface
            }
        }
        return words
    }

    /// Shared terms, plus one for each contrast dimension on which both prompts name the same values, plus one for
    /// shared numbers.
    private func sharedEvidence(terms: Set<String>) -> Int {
        let agreeingDimensions = ContrastDimension.allCases.filter { dimension in
            guard let values = query.contrasts[dimension] else { return false }
            return values == candidate.contrasts[dimension]
        }
        return terms.count + agreeingDimensions.count + (query.numbers.isEmpty || query.numbers != candidate.numbers ? 0 : 1)
    }

    /// Numbers as written in a reason: integers without a decimal part, "none" for an empty set.
    private static func describe(_ numbers: Set<Double>) -> String {
        guard !numbers.isEmpty else { return "none" }
        return numbers.sorted().map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int($0)) : String($0) }.joined(separator: ", ")
    }

    /// Words as written in a reason, in order, each once ("archive" names both an action and a term).
    private static func describe(_ words: [String]) -> String {
        var seen: Set<String> = []
        return words.filter { seen.insert($0).inserted }.joined(separator: ", ")
    }

    /// Values or terms as written in a reason, sorted.
    private static func describe(_ values: Set<String>) -> String {
        values.sorted().joined(separator: "+")
    }
}
