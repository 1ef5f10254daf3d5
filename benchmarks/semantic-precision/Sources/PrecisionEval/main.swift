import Foundation
import MiniLM
import NovaCore

// Precision and recall of nova-rag's cache hit decision on a labelled set of prompt pairs: cosine alone, and cosine
// followed by PromptGuard. Usage: PrecisionEval [pairs.jsonl]; the model is read from
// ${NOVA_MODEL_DIR:-./models}/all-MiniLM-L6-v2.

let defaultThreshold: Float = 0.85
let thresholds: [Float] = [0.75, 0.80, 0.85, 0.90, 0.95]

let arguments = CommandLine.arguments.dropFirst()
let pairsURL = URL(fileURLWithPath: arguments.first ?? "benchmarks/semantic-precision/pairs.jsonl")
let modelRoot = ProcessInfo.processInfo.environment["NOVA_MODEL_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./models"
let modelURL = URL(fileURLWithPath: modelRoot).appendingPathComponent(MiniLMModel.directoryName)

let pairs: [LabelledPair]
let model: MiniLMModel
do {
    pairs = try LabelledPair.load(from: pairsURL)
    model = try MiniLMModel(directory: modelURL)
} catch {
    FileHandle.standardError.write(Data("PrecisionEval: \(error)\n".utf8))
    exit(1)
}

let texts = Array(Set(pairs.flatMap { [$0.a, $0.b] })).sorted()
let started = Date()
let vectors = Dictionary(uniqueKeysWithValues: zip(texts, model.embed(texts.map(LabelledPair.searchText))))
let embedSeconds = Date().timeIntervalSince(started)
let promptGuard = PromptGuard()
let scored = pairs.map { pair in
    let left = vectors[pair.a] ?? [], right = vectors[pair.b] ?? []
    let cosine = zip(left, right).reduce(Float(0)) { $0 + $1.0 * $1.1 }
    return ScoredPair(pair: pair, cosine: cosine, verdict: promptGuard.check(query: pair.a, candidate: pair.b))
}

func format(_ value: Double) -> String { String(format: "%.3f", value) }
func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }

let positives = pairs.filter(\.same).count
print("pairs: \(pairs.count) (same: \(positives), different: \(pairs.count - positives)) from \(pairsURL.path)")
let kinds = Dictionary(grouping: pairs, by: \.kind).mapValues(\.count).sorted { $0.key < $1.key }
print("kinds: " + kinds.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
print(String(format: "embedded %d texts in %.2f s", texts.count, embedSeconds))
print("")
print("| threshold | decision       |  TP |  FP |  FN |  TN | precision | recall |")
print("|-----------|----------------|-----|-----|-----|-----|-----------|--------|")
for threshold in thresholds {
    for (name, hit) in [("cosine only", ScoredPair.cosineHit), ("cosine + guard", ScoredPair.guardedHit)] {
        var confusion = Confusion()
        for item in scored { confusion.add(predicted: hit(item)(threshold), actual: item.pair.same) }
        let mark = threshold == defaultThreshold ? String(format: "%.2f *", threshold) : String(format: "%.2f", threshold)
        let counts = [confusion.truePositives, confusion.falsePositives, confusion.falseNegatives, confusion.trueNegatives]
        let cells = counts.map { String(format: "%3d", $0) }.joined(separator: " | ")
        print("| \(pad(mark, 9)) | \(pad(name, 14)) | \(cells) | \(pad(format(confusion.precision), 9)) | \(pad(format(confusion.recall), 6)) |")
    }
}
print("(* default threshold)")

print("")
print(String(format: "Per kind at %.2f: pairs reused by cosine only / by cosine + guard", defaultThreshold))
for (kind, count) in kinds {
    let items = scored.filter { $0.pair.kind == kind }
    let cosineHits = items.filter { $0.cosineHit(at: defaultThreshold) }.count
    let guardedHits = items.filter { $0.guardedHit(at: defaultThreshold) }.count
    print("  \(pad(kind, 11)) \(String(format: "%3d", count)) pairs: \(String(format: "%3d", cosineHits)) / \(String(format: "%3d", guardedHits))")
}

let falsePositives = scored.filter { !$0.pair.same && $0.guardedHit(at: defaultThreshold) }
let falseNegatives = scored.filter { $0.pair.same && !$0.guardedHit(at: defaultThreshold) }
print("")
print(String(format: "False positives of cosine + guard at %.2f (%d):", defaultThreshold, falsePositives.count))
for item in falsePositives.sorted(by: { $0.cosine > $1.cosine }) {
    print("  \(String(format: "%.4f", item.cosine))  [\(item.pair.kind)] \(item.pair.a)  |  \(item.pair.b)")
}
print("")
print(String(format: "False negatives of cosine + guard at %.2f (%d):", defaultThreshold, falseNegatives.count))
for item in falseNegatives.sorted(by: { $0.cosine > $1.cosine }) {
    let why = item.cosineHit(at: defaultThreshold) ? "guard: \(item.reason)" : "below threshold"
    print("  \(String(format: "%.4f", item.cosine))  \(item.pair.a)  |  \(item.pair.b)  (\(why))")
}
