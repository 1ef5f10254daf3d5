// Measures the native MiniLM embedder: single-sentence latency (p50/p99) for one ~20-token
// sentence, batch-of-32 throughput over a corpus, and resident memory after loading.
// Prints one JSON object on stdout (for benchmarks/embedder/run.sh) and a summary on stderr.
import Foundation
import MiniLM

/// What `--help` prints.
let usage = """
    Usage: MiniLMBenchmark [--model DIR] [--corpus FILE] [--max-tokens N] [--sentence TEXT] [--runs N]
                           [--seconds S]
      --model      model directory (default ${NOVA_MODEL_DIR:-./models}/all-MiniLM-L6-v2)
      --corpus     JSON-lines file with a "text" field per line, or plain text, one sentence a line
                   (default Tests/Fixtures/minilm/reference.jsonl)
      --max-tokens keep only the corpus sentences of at most N tokens (default: all)
      --sentence   the single sentence (default: a 20-token SQL query from the reference set)
      --runs       timed single-sentence runs (default 300)
      --seconds    minimum time spent on batch throughput (default 5)
    """

/// Command-line options with their defaults.
struct Options {
    var model = URL(fileURLWithPath: ProcessInfo.processInfo.environment["NOVA_MODEL_DIR"] ?? "./models")
        .appendingPathComponent(MiniLMModel.directoryName)
    var corpus = URL(fileURLWithPath: "Tests/Fixtures/minilm/reference.jsonl")
    var sentence = "SELECT id, total FROM invoices WHERE total > 1000 ORDER BY date DESC;"
    var maxTokens = Int.max
    var runs = 300
    var seconds = 5.0

    init(arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let flag = iterator.next() {
            if flag == "--help" {
                print(usage)
                exit(0)
            }
            guard let value = iterator.next() else { fail("missing value after \(flag)") }
            switch flag {
            case "--model": model = URL(fileURLWithPath: value)
            case "--corpus": corpus = URL(fileURLWithPath: value)
            case "--max-tokens": maxTokens = Int(value) ?? maxTokens
            case "--sentence": sentence = value
            case "--runs": runs = Int(value) ?? runs
            case "--seconds": seconds = Double(value) ?? seconds
            default: fail("unknown option \(flag)\n\(usage)")
            }
        }
    }
}

/// Prints `message` to stderr and exits with status 1.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("MiniLMBenchmark: \(message)\n".utf8))
    exit(1)
}

/// The sentences of a JSON-lines (`"text"` field) or plain-text corpus.
func loadCorpus(_ url: URL) -> [String] {
    guard let content = try? String(contentsOf: url, encoding: .utf8) else { fail("cannot read \(url.path)") }
    return content.split(separator: "\n").map { line in
        if let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let text = object["text"] as? String
        {
            return text
        }
        return String(line)
    }
}

/// A field of /proc/self/status in MiB (VmRSS, VmHWM), or -1 where there is no /proc.
func memoryMiB(_ field: String) -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
        let kiB = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return -1 }
    return kiB / 1024
}

/// Seconds elapsed while running `body`.
func measure(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// The value below which `fraction` of the sorted `values` lie.
func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
    sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
}

let options = Options(arguments: Array(CommandLine.arguments.dropFirst()))

var model: MiniLMModel?
let loadSeconds = measure {
    do {
        model = try MiniLMModel(directory: options.model)
    } catch {
        fail("\(error)")
    }
}
guard let model else { fail("model not loaded") }
let rssAfterLoad = memoryMiB("VmRSS")
let corpus = loadCorpus(options.corpus).filter { model.tokenize($0).count <= options.maxTokens }
guard !corpus.isEmpty else { fail("no sentence of corpus \(options.corpus.path) is short enough") }

let sentenceTokens = model.tokenize(options.sentence).count
for _ in 0..<20 {
    _ = model.embed(options.sentence)
}
var latencies: [Double] = []
for _ in 0..<options.runs {
    latencies.append(measure { _ = model.embed(options.sentence) } * 1000)
}
latencies.sort()

let batches = stride(from: 0, to: corpus.count, by: 32).map { Array(corpus[$0..<min($0 + 32, corpus.count)]) }
_ = batches.map(model.embed)
var embedded = 0
var batchSeconds = 0.0
while batchSeconds < options.seconds {
    batchSeconds += measure {
        for batch in batches {
            _ = model.embed(batch)
        }
    }
    embedded += corpus.count
}
let throughput = Double(embedded) / batchSeconds
let meanTokens = Double(corpus.map { model.tokenize($0).count }.reduce(0, +)) / Double(corpus.count)

let result: [String: Any] = [
    "implementation": "swift",
    "sentence_tokens": sentenceTokens,
    "single_p50_ms": percentile(latencies, 0.5),
    "single_p99_ms": percentile(latencies, 0.99),
    "batch32_sentences_per_s": throughput,
    "batch32_ms_per_sentence": 1000 / throughput,
    "corpus_sentences": corpus.count,
    "corpus_mean_tokens": meanTokens,
    "load_s": loadSeconds,
    "rss_after_load_mib": rssAfterLoad,
    "rss_after_run_mib": memoryMiB("VmRSS"),
    "peak_rss_mib": memoryMiB("VmHWM"),
]
let json = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))
FileHandle.standardError.write(
    Data(
        String(
            format: "swift: single (%d tokens) p50 %.2f ms p99 %.2f ms; batch-32 %.1f sentences/s (%.2f ms each, "
                + "%d sentences of %.1f tokens on average); RSS %.0f MiB after load, peak %.0f MiB\n",
            sentenceTokens, percentile(latencies, 0.5), percentile(latencies, 0.99), throughput, 1000 / throughput,
            corpus.count, meanTokens, rssAfterLoad, memoryMiB("VmHWM")
        ).utf8))
