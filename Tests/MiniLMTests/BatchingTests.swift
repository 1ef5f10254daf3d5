import Foundation
import MiniLM
import Testing

@Suite("Batched embedding")
struct BatchingTests {
    /// Short texts of different token counts.
    static let shortTexts = [
        "",
        "Read unread emails from the IMAP inbox and collect their PDF attachments",
        "a",
        "Café déjà vu — 日本語のテキスト",
        "SELECT id, total FROM invoices WHERE total > 1000 ORDER BY date DESC;",
    ]

    @Test("a batch of texts of different lengths gives the same vectors as one by one")
    func batchMatchesSingles() throws {
        let model = try TestEnvironment.model()
        let texts = Self.shortTexts + [String(repeating: "invoice total ", count: 200)]
        let batch = model.embed(texts)
        #expect(batch.count == texts.count)
        for (text, vector) in zip(texts, batch) {
            let alone = model.embed(text)
            let cosine = TestEnvironment.cosine(vector, alone)
            #expect(cosine >= 0.99999, "cosine \(cosine) for \(String(reflecting: text.prefix(40)))")
        }
    }

    @Test("vectors have the model's dimension and unit length")
    func vectorsAreUnitLength() throws {
        let model = try TestEnvironment.model()
        #expect(model.dimension == 384)
        for vector in model.embed(Self.shortTexts) {
            #expect(vector.count == 384)
            let norm = vector.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
            #expect(abs(norm - 1) < 1e-4)
        }
        #expect(model.embed([String]()).isEmpty)
    }

    @Test("concurrent calls on one model give the same vectors as sequential calls")
    func concurrentCallsAgree() async throws {
        let model = try TestEnvironment.model()
        let expected = model.embed(Self.shortTexts)
        let results = await withTaskGroup(of: [[Float]].self) { group in
            for _ in 0..<4 {
                group.addTask { model.embed(Self.shortTexts) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 4)
        for vectors in results {
            for (vector, reference) in zip(vectors, expected) {
                #expect(TestEnvironment.cosine(vector, reference) >= 0.99999)
            }
        }
    }

    @Test("a batch bigger than one forward pass is split into passes and keeps its order")
    func batchesAreSplitIntoPasses() throws {
        let shared = try TestEnvironment.model()
        let model = try MiniLMModel(directory: TestEnvironment.modelDirectory, tokensPerPass: 24)
        #expect(model.tokensPerPass == 24)
        let texts = (0..<6).map { "sentence number \($0) of the batch" } + Self.shortTexts
        let vectors = model.embed(texts)
        let expected = shared.embed(texts)
        #expect(vectors.count == texts.count)
        for (index, (vector, reference)) in zip(vectors, expected).enumerated() {
            #expect(TestEnvironment.cosine(vector, reference) >= 0.99999, "text \(index)")
        }
    }
}
