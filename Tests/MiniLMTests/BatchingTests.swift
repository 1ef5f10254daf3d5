import Foundation
import MiniLM
import Testing

@Suite("Batched embedding")
struct BatchingTests {
    /// Texts of very different token counts, from 2 to the 256-token limit.
    static let texts = [
        "",
        "Read unread emails from the IMAP inbox and collect their PDF attachments",
        "a",
        String(repeating: "invoice total ", count: 200),
        "Café déjà vu — 日本語のテキスト",
        "SELECT id, total FROM invoices WHERE total > 1000 ORDER BY date DESC;",
    ]

    @Test("a batch of texts of different lengths gives the same vectors as one by one")
    func batchMatchesSingles() throws {
        let model = try TestEnvironment.model()
        let batch = model.embed(Self.texts)
        #expect(batch.count == Self.texts.count)
        for (text, vector) in zip(Self.texts, batch) {
            let alone = model.embed(text)
            let cosine = TestEnvironment.cosine(vector, alone)
            #expect(cosine >= 0.99999, "cosine \(cosine) for \(String(reflecting: text.prefix(40)))")
        }
    }

    @Test("vectors have the model's dimension and unit length")
    func vectorsAreUnitLength() throws {
        let model = try TestEnvironment.model()
        #expect(model.dimension == 384)
        for vector in model.embed(Self.texts) {
            #expect(vector.count == 384)
            let norm = vector.reduce(0) { $0 + Double($1) * Double($1) }.squareRoot()
            #expect(abs(norm - 1) < 1e-4)
        }
        #expect(model.embed([String]()).isEmpty)
    }

    @Test("concurrent calls on one model give the same vectors as sequential calls")
    func concurrentCallsAgree() async throws {
        let model = try TestEnvironment.model()
        let expected = model.embed(Self.texts)
        let results = await withTaskGroup(of: [[Float]].self) { group in
            for _ in 0..<4 {
                group.addTask { model.embed(Self.texts) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        for vectors in results {
            for (vector, reference) in zip(vectors, expected) {
                #expect(TestEnvironment.cosine(vector, reference) >= 0.99999)
            }
        }
    }

    @Test("a batch larger than one forward pass is split and keeps its order")
    func largeBatchKeepsOrder() throws {
        let model = try TestEnvironment.model()
        let long = String(repeating: "word ", count: 300)
        let texts = (0..<17).map { "\($0) \(long)" } + ["short text"]
        let vectors = model.embed(texts)
        #expect(vectors.count == texts.count)
        #expect(TestEnvironment.cosine(vectors[17], model.embed("short text")) >= 0.99999)
        #expect(TestEnvironment.cosine(vectors[7], model.embed(texts[7])) >= 0.99999)
    }
}
