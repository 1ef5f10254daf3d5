import Foundation
import MiniLM
import PromptGuard
import RAGCore

// A stream of node requests over the labelled pairs of benchmarks/semantic-precision: the `a` side of every pair is in
// the cache, requests arrive for `b` sides, pairs drawn by Zipf popularity (a few nodes run often, most rarely). Three
// decisions meet the same stream: a static threshold (cosine ≥ 0.85), today's offline decision (cosine ≥ 0.85 and the
// prompt guard) and the online one (OnlineDecision: HitBound over verified outcomes, a stand-in verifier answering from
// the labels). Printed per window: false hits per request against the bound, the share of paraphrases served cached
// code, and verifier calls. Two runs: a verifier that is always right, then one wrong 5 % of the time.
// Usage: SemanticStream [pairs.jsonl …]; environment: STREAM_REQUESTS (4000), STREAM_WINDOW (500), STREAM_FLOOR (0.70),
// SEMANTIC_CACHE_MAX_ERROR_RATE (0.02), STREAM_SEED (20), STREAM_VECTORS (vector file), NOVA_MODEL_DIR.

let environment = ProcessInfo.processInfo.environment
let requests = environment["STREAM_REQUESTS"].flatMap(Int.init) ?? 4000
let window = environment["STREAM_WINDOW"].flatMap(Int.init) ?? 500
let floor = environment["STREAM_FLOOR"].flatMap(Float.init) ?? 0.70
let maxErrorRate = environment["SEMANTIC_CACHE_MAX_ERROR_RATE"].flatMap(Double.init) ?? HitBound.defaultMaxErrorRate
let seed = environment["STREAM_SEED"].flatMap(UInt64.init) ?? 20
let arguments = Array(CommandLine.arguments.dropFirst())
let files =
    arguments.isEmpty
    ? ["benchmarks/semantic-precision/pairs.jsonl"] + (1...14).map { "benchmarks/semantic-precision/heldout\($0).jsonl" } : arguments
let modelURL = URL(fileURLWithPath: environment["NOVA_MODEL_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./models")
    .appendingPathComponent(MiniLMModel.directoryName)
let vectorFile = URL(fileURLWithPath: environment["STREAM_VECTORS"] ?? ".build/semantic-stream/vectors.json")

let pairs: [StreamPair]
let vectors: [String: [Float]]
do {
    pairs = try StreamPair.load(files.map(URL.init(fileURLWithPath:)))
    vectors = try VectorCache.vectors(of: Array(Set(pairs.flatMap { [$0.a, $0.b] })).sorted(), model: modelURL, file: vectorFile)
} catch {
    FileHandle.standardError.write(Data("SemanticStream: \(error)\n".utf8))
    exit(1)
}
let promptGuard = PromptGuard()
let cosines = pairs.map { pair in zip(vectors[pair.a] ?? [], vectors[pair.b] ?? []).reduce(Float(0)) { $0 + $1.0 * $1.1 } }
let conflicts = pairs.map { !promptGuard.check(query: $0.b, candidate: $0.a).isCompatible }

/// Zipf(1) popularity over the pairs in a seeded random order.
var generator = SeededGenerator(seed: seed)
let order = Array(pairs.indices).shuffled(using: &generator)
let weights = order.indices.map { 1 / Double($0 + 1) }
let cumulative = weights.reduce(into: [Double]()) { $0.append(($0.last ?? 0) + $1) }
let stream = (0..<requests).map { _ in
    let target = Double.random(in: 0..<cumulative[cumulative.count - 1], using: &generator)
    return order[cumulative.firstIndex { $0 > target } ?? order.count - 1]
}
let distinct = Set(stream).count

func cell(_ value: Double) -> String { String(format: "%.3f", value) }

print("# semantic stream: \(requests) requests over \(distinct) distinct pairs of \(pairs.count) (\(files.count) sets, one workflow each)")
print("bound δ = \(maxErrorRate), floor of the online decision \(floor), windows of \(window), seed \(seed)")
for verifierError in [0.0, 0.05] {
    var online = OnlineDecision(bound: HitBound(maxErrorRate: maxErrorRate), floor: floor)
    var draws = SeededGenerator(seed: seed &+ 1)
    var tallies: [[WindowTally]] = []
    for (number, index) in stream.enumerated() {
        if number % window == 0 { tallies.append([WindowTally(), WindowTally(), WindowTally()]) }
        let pair = pairs[index]
        let staticHit = cosines[index] >= 0.85
        let todayHit = staticHit && !conflicts[index]
        let draw = Double.random(in: 0..<1, using: &draws)
        let wrong = Double.random(in: 0..<1, using: &draws) < verifierError
        let decided = online.decide(pair, cosine: cosines[index], guardConflict: conflicts[index], draw: draw) { pair.same != wrong }
        tallies[tallies.count - 1][0].add(same: pair.same, hit: staticHit, confirmed: false)
        tallies[tallies.count - 1][1].add(same: pair.same, hit: todayHit, confirmed: false)
        tallies[tallies.count - 1][2].add(same: pair.same, hit: decided.hit, confirmed: decided.confirmed)
    }
    print("")
    print("## verifier wrong \(Int(verifierError * 100)) % of the time")
    print("")
    print(
        "| requests | static ≥ 0.85: false-hit rate | hit rate | today (≥ 0.85 + guard): false-hit rate | hit rate "
            + "| online: false-hit rate (δ \(maxErrorRate)) | hit rate | confirmations |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    func row(_ label: String, _ tally: [WindowTally]) {
        print(
            "| \(label) | \(cell(tally[0].falseHitRate)) | \(cell(tally[0].hitRate)) | \(cell(tally[1].falseHitRate)) | \(cell(tally[1].hitRate)) "
                + "| \(cell(tally[2].falseHitRate)) | \(cell(tally[2].hitRate)) | \(tally[2].confirmations) |")
    }
    for (number, tally) in tallies.enumerated() {
        row("\(number * window + 1)–\(number * window + tally[0].requests)", tally)
    }
    row("all", (0..<3).map { decision in tallies.reduce(WindowTally()) { $0.merging($1[decision]) } })
}
