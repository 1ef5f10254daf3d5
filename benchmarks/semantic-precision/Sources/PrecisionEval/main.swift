import Foundation
import MiniLM
import NovaCore
import PromptGuard

// Precision and recall of nova-rag's cache hit decision on labelled sets of prompt pairs: cosine alone, and cosine
// followed by PromptGuard, and, with an LLM key (ModelConfirmation), followed by the model's confirmation as nova asks it.
// Usage: PrecisionEval [pairs.jsonl …]; each file is evaluated on its own, then a summary at the default threshold lists
// every file and, for several files, all of them together. The model is read from ${NOVA_MODEL_DIR:-./models}/all-MiniLM-L6-v2,
// or another model's vectors from a file (ExternalVectors).

let defaultThreshold: Float = 0.85
let thresholds: [Float] = [0.75, 0.80, 0.85, 0.90, 0.95]

let environment = ProcessInfo.processInfo.environment
let arguments = Array(CommandLine.arguments.dropFirst())
let pairURLs = (arguments.isEmpty ? ["benchmarks/semantic-precision/pairs.jsonl"] : arguments).map(URL.init(fileURLWithPath:))
let modelRoot = environment["NOVA_MODEL_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./models"
let modelURL = URL(fileURLWithPath: modelRoot).appendingPathComponent(MiniLMModel.directoryName)

let vectors: [String: [Float]]
let pairSets: [(url: URL, pairs: [LabelledPair])]
do {
    pairSets = try pairURLs.map { ($0, try LabelledPair.load(from: $0)) }
    let texts = Array(Set(pairSets.flatMap { $0.pairs.flatMap { [$0.a, $0.b] } })).sorted()
    if try ExternalVectors.writeEmbeddedTexts(of: texts, environment: environment) { exit(0) }
    if let external = try ExternalVectors.read(for: texts, environment: environment) {
        vectors = external
        print("vectors of \(texts.count) texts read from \(environment["PRECISION_VECTORS"] ?? "")")
    } else {
        let model = try MiniLMModel(directory: modelURL)
        let started = Date()
        vectors = Dictionary(uniqueKeysWithValues: zip(texts, model.embed(texts.map(LabelledPair.embeddedText))))
        print(String(format: "embedded %d texts in %.2f s", texts.count, Date().timeIntervalSince(started)))
    }
} catch {
    FileHandle.standardError.write(Data("PrecisionEval: \(error)\n".utf8))
    exit(1)
}
let promptGuard = PromptGuard()
let modelConfirmation = ModelConfirmation(environment: environment)
print(modelConfirmation.map { "hits confirmed by \($0.model) (prompts only)" } ?? "no LLM key: hits are not confirmed by a model")

func format(_ value: Double) -> String { String(format: "%.3f", value) }
func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }

/// The decisions compared: cosine alone, cosine and the guard, and those confirmed by the model.
enum Decision { case cosine, guarded, confirmed }

func confusion(of scored: [ScoredPair], at threshold: Float, _ decision: Decision) -> Confusion {
    var confusion = Confusion()
    for item in scored {
        let predicted =
            switch decision {
            case .cosine: item.cosineHit(at: threshold)
            case .guarded: item.guardedHit(at: threshold)
            case .confirmed: item.confirmedHit(at: threshold)
            }
        confusion.add(predicted: predicted, actual: item.pair.same)
    }
    return confusion
}

/// Prints the threshold table, the per-kind breakdown and every error of cosine + guard at the default threshold.
func report(_ scored: [ScoredPair], from url: URL) {
    let positives = scored.filter(\.pair.same).count
    print("")
    print("## \(url.path): \(scored.count) pairs (same: \(positives), different: \(scored.count - positives))")
    let kinds = Dictionary(grouping: scored, by: \.pair.kind).mapValues(\.count).sorted { $0.key < $1.key }
    print("kinds: " + kinds.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    print("")
    print("| threshold | decision       |  TP |  FP |  FN |  TN | precision | recall |")
    print("|-----------|----------------|-----|-----|-----|-----|-----------|--------|")
    for threshold in thresholds {
        for (name, decision) in [("cosine only", Decision.cosine), ("cosine + guard", .guarded)] {
            let counts = confusion(of: scored, at: threshold, decision)
            let mark = threshold == defaultThreshold ? String(format: "%.2f *", threshold) : String(format: "%.2f", threshold)
            let cells = [counts.truePositives, counts.falsePositives, counts.falseNegatives, counts.trueNegatives]
                .map { String(format: "%3d", $0) }.joined(separator: " | ")
            print("| \(pad(mark, 9)) | \(pad(name, 14)) | \(cells) | \(pad(format(counts.precision), 9)) | \(pad(format(counts.recall), 6)) |")
        }
    }
    print("(* default threshold)")
    if let modelConfirmation {
        let counts = confusion(of: scored, at: defaultThreshold, .confirmed)
        let asked = scored.filter { $0.guardedHit(at: defaultThreshold) }
        print(
            "cosine + guard + \(modelConfirmation.model) at \(defaultThreshold): precision \(format(counts.precision)), recall \(format(counts.recall)); "
                + "of \(asked.count) hits the model rejected \(asked.filter { $0.confirmed == false }.count) "
                + "(\(asked.filter { $0.confirmed == false && $0.pair.same }.count) of them paraphrases), no verdict on \(asked.filter { $0.confirmed == nil }.count)"
        )
    }
    print("")
    print(String(format: "Per kind at %.2f: pairs reused by cosine only / by cosine + guard", defaultThreshold))
    for (kind, count) in kinds {
        let items = scored.filter { $0.pair.kind == kind }
        let cosineHits = items.filter { $0.cosineHit(at: defaultThreshold) }.count
        let guardedHits = items.filter { $0.guardedHit(at: defaultThreshold) }.count
        print(
            "  \(pad(kind, 11)) \(String(format: "%3d", count)) pairs: \(String(format: "%3d", cosineHits)) / \(String(format: "%3d", guardedHits))")
    }
    let falsePositives = scored.filter { !$0.pair.same && $0.guardedHit(at: defaultThreshold) }
    let modelNote: (ScoredPair) -> String = { $0.confirmed == false ? "  (rejected by the model)" : "" }
    let falseNegatives = scored.filter { $0.pair.same && !$0.guardedHit(at: defaultThreshold) }
    print("")
    print(String(format: "False positives of cosine + guard at %.2f (%d):", defaultThreshold, falsePositives.count))
    for item in falsePositives.sorted(by: { $0.cosine > $1.cosine }) {
        print("  \(String(format: "%.4f", item.cosine))  [\(item.pair.kind)] \(item.pair.a)  |  \(item.pair.b)\(modelNote(item))")
    }
    print("")
    print(String(format: "False negatives of cosine + guard at %.2f (%d):", defaultThreshold, falseNegatives.count))
    for item in falseNegatives.sorted(by: { $0.cosine > $1.cosine }) {
        let why = item.cosineHit(at: defaultThreshold) ? "guard: \(item.reason)" : "below threshold"
        print("  \(String(format: "%.4f", item.cosine))  \(item.pair.a)  |  \(item.pair.b)  (\(why))")
    }
}

var summary: [(name: String, scored: [ScoredPair])] = []
for (url, pairs) in pairSets {
    var scored = pairs.map { pair in
        let left = vectors[pair.a] ?? [], right = vectors[pair.b] ?? []
        let cosine = zip(left, right).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        return ScoredPair(pair: pair, cosine: cosine, verdict: promptGuard.check(query: pair.a, candidate: pair.b))
    }
    if let modelConfirmation {
        let asked = scored.indices.filter { scored[$0].guardedHit(at: defaultThreshold) }
        for (index, verdict) in zip(asked, await modelConfirmation.verdicts(for: asked.map { scored[$0].pair })) {
            scored[index].confirmed = verdict
        }
    }
    report(scored, from: url)
    summary.append((url.lastPathComponent, scored))
}

print("")
print(String(format: "## Summary at the default threshold %.2f", defaultThreshold))
print("")
let modelColumns = modelConfirmation == nil ? ("", "") : (" + model P | R     |", "-----------|-------|")
print("| set                  | pairs | cosine only P | R     | cosine + guard P | R     |" + modelColumns.0)
print("|----------------------|-------|---------------|-------|------------------|-------|" + modelColumns.1)
let rows = summary.count > 1 ? summary + [("all sets", summary.flatMap(\.scored))] : summary
for (name, scored) in rows {
    let plain = confusion(of: scored, at: defaultThreshold, .cosine)
    let guarded = confusion(of: scored, at: defaultThreshold, .guarded)
    let confirmed = confusion(of: scored, at: defaultThreshold, .confirmed)
    let modelCells = modelConfirmation == nil ? "" : " \(pad(format(confirmed.precision), 9)) | \(format(confirmed.recall)) |"
    print(
        "| \(pad(name, 20)) | \(String(format: "%5d", scored.count)) | \(pad(format(plain.precision), 13)) | \(format(plain.recall)) "
            + "| \(pad(format(guarded.precision), 16)) | \(format(guarded.recall)) |" + modelCells
    )
}
