import Foundation

/// The prompt guard's cost per search: 200 queries, each checked against 15 stored prompts (a search's candidates at
/// top_k 5), with each stored prompt read on every search against read once and kept (what the semantic cache does),
/// and the memory a kept reading takes. Built from the guard's sources alone (benchmarks/code-search/README.md).
/// Usage: guard SHORTEST LONGEST   (prompt length in words; each prompt ends in one of four shared amounts)
@main
struct GuardCost {
    static func main() throws {
        let words =
            ("invoice total amount vat date sender email attachment pdf extract parse insert table row column sheet "
            + "spreadsheet customer supplier currency eur usd convert sum average filter sort ascending descending first "
            + "last reply forward archive folder imap smtp postgres database schema validate check compute tax discount "
            + "due payment reference number iban address name phone line item quantity price unit net gross").split(separator: " ")
        let (shortest, longest) = (Int(CommandLine.arguments[1])!, Int(CommandLine.arguments[2])!)
        var generator = SplitMix(state: 7)
        func prompt() -> String {
            (0..<Int.random(in: shortest...longest, using: &generator)).map { _ in words.randomElement(using: &generator)! }
                .joined(separator: " ") + " over \([100, 500, 1000, 5000].randomElement(using: &generator)!)"
        }
        let stored = (0..<3000).map { _ in prompt() }
        let queries = (0..<200).map { _ in prompt() }
        let candidates = queries.indices.map { query in (0..<15).map { stored[query * 15 + $0] } }
        let promptGuard = PromptGuard()
        let clock = ContinuousClock()

        var conflictsReread = 0
        let reread = clock.measure {
            for (query, text) in queries.enumerated() {
                let prepared = promptGuard.prepare(text)
                for candidate in candidates[query] where !prepared.check(candidate: promptGuard.prepare(candidate)).isCompatible {
                    conflictsReread += 1
                }
            }
        }
        let readings = Dictionary(uniqueKeysWithValues: stored.enumerated().map { ($0.offset, promptGuard.prepare($0.element)) })
        var conflictsKept = 0
        let kept = clock.measure {
            for (query, text) in queries.enumerated() {
                let prepared = promptGuard.prepare(text)
                for slot in 0..<15 where !prepared.check(candidate: readings[query * 15 + slot]!).isCompatible { conflictsKept += 1 }
            }
        }
        precondition(conflictsReread == conflictsKept, "kept readings decided otherwise than fresh ones")

        let more = (0..<20_000).map { _ in prompt() }
        let before = try residentKiB()
        let held = more.map { promptGuard.prepare($0) }
        let bytesPerReading = (try residentKiB() - before) * 1024 / held.count
        let perSearch = { (duration: Duration) in
            String(
                format: "%.3f ms",
                Double(duration.components.attoseconds) / 1e15 / Double(queries.count)
                    + Double(duration.components.seconds) * 1000 / Double(queries.count))
        }
        print(
            "prompts of \(shortest)-\(longest) words, per search (its prompt + 15 candidates): stored prompts read every time "
                + "\(perSearch(reread)), read once \(perSearch(kept)); \(conflictsKept) of \(queries.count * 15) candidates conflict; "
                + "a reading takes \(bytesPerReading) bytes")
    }

    private static func residentKiB() throws -> Int {
        let status = try String(contentsOfFile: "/proc/self/status", encoding: .utf8)
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS") }!
        return Int(line.split(separator: " ")[1])!
    }
}

/// A seeded generator, so every run reads the same prompts.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
