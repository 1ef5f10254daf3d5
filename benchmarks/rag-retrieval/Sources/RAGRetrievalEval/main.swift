import Foundation
import MiniLM
import NovaCore
import RAGCore

// Retrieval quality of nova-rag's documentation search on labelled questions: recall@1, recall@3 and MRR (over the
// top 10) with the built-in model, through the same chunking, index, filters-free search and duplicate removal as
// /rag/query. Usage: RAGRetrievalEval [questions.jsonl] [knowledge folder] [--misses]; the model is read from
// ${NOVA_MODEL_DIR:-./models}/all-MiniLM-L6-v2.

let arguments = CommandLine.arguments.dropFirst().filter { !$0.hasPrefix("--") }
let showMisses = CommandLine.arguments.contains("--misses")
let questionsURL = URL(fileURLWithPath: arguments.first ?? "benchmarks/rag-retrieval/questions.jsonl")
let knowledge = arguments.dropFirst().first ?? "knowledge"
let modelRoot = ProcessInfo.processInfo.environment["NOVA_MODEL_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./models"

let questions: [LabelledQuestion]
let library: DocLibrary
do {
    questions = try LabelledQuestion.load(from: questionsURL)
    let model = try MiniLMModel(directory: URL(fileURLWithPath: modelRoot).appendingPathComponent(MiniLMModel.directoryName))
    library = DocLibrary(store: MemoryDocChunkStore(), embedder: MiniLMDocEmbedder(model: model), folder: KnowledgeFolder(roots: [knowledge]))
} catch {
    FileHandle.standardError.write(Data("RAGRetrievalEval: \(error)\n".utf8))
    exit(1)
}

let load = try await library.reload()
let chunks = library.index?.entries.map(\.chunk) ?? []
if CommandLine.arguments.contains("--chunks") {
    for chunk in chunks {
        let body = chunk.text.dropFirst(DocChunk.title(of: chunk.headingPath).count + 2)
        print(
            "\(chunk.file) #\(chunk.index) [\(body.count)] \(DocChunk.title(of: chunk.headingPath)) | \(body.prefix(60).replacingOccurrences(of: "\n", with: "⏎"))"
        )
    }
}
for question in questions where !chunks.contains(where: question.isAnswered) {
    FileHandle.standardError.write(
        Data("RAGRetrievalEval: no chunk for the label of \"\(question.question)\" (\(question.file) \(question.heading))\n".utf8))
    exit(1)
}

let depth = 10
var ranks: [Int?] = []
var misses: [(LabelledQuestion, Int?, [DocHit])] = []
let started = ContinuousClock.now
for question in questions {
    let hits = try await library.search(DocQuery(text: question.question, topK: depth)).hits
    let rank = hits.firstIndex { question.isAnswered(by: $0.chunk) }.map { $0 + 1 }
    ranks.append(rank)
    if rank != 1 { misses.append((question, rank, hits)) }
}
let searchTime = ContinuousClock.now - started

let found = ranks
func recall(at k: Int) -> Double { Double(found.count { $0.map { $0 <= k } ?? false }) / Double(found.count) }
let mrr = ranks.map { $0.map { 1 / Double($0) } ?? 0 }.reduce(0, +) / Double(ranks.count)

print("knowledge: \(knowledge) — \(load.filesAdded) files, \(load.documentsLoaded) chunks, embedded in \(load.duration)")
print("questions: \(questions.count) from \(questionsURL.path); \(questions.count) searches in \(searchTime)")
print("")
print("| metric    | value |")
print("|-----------|-------|")
print(String(format: "| recall@1  | %.3f |", recall(at: 1)))
print(String(format: "| recall@3  | %.3f |", recall(at: 3)))
print(String(format: "| MRR@%-2d    | %.3f |", depth, mrr))
if showMisses {
    print("")
    for (question, rank, hits) in misses {
        print("rank \(rank.map(String.init) ?? ">\(depth)"): \(question.question)  [wanted \(question.file) \(DocChunk.title(of: question.heading))]")
        for hit in hits.prefix(3) {
            print(String(format: "    %.3f  %@  %@", hit.score, hit.chunk.file, DocChunk.title(of: hit.chunk.headingPath)))
        }
    }
}
