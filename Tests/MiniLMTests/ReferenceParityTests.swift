import MiniLM
import Testing

@Suite("Parity with the sentence-transformers reference")
struct ReferenceParityTests {
    @Test("every reference sentence gets exactly the reference token ids")
    func tokenIDsMatch() throws {
        let model = try TestEnvironment.model()
        let references = try TestEnvironment.references()
        #expect(references.count == 54)
        for (index, reference) in references.enumerated() {
            let ids = model.tokenize(reference.text)
            #expect(ids == reference.inputIDs, "sentence \(index): \(String(reflecting: reference.text))")
        }
    }

    @Test("every reference sentence's vector has cosine ≥ 0.9999 with the reference vector")
    func embeddingsMatch() throws {
        let model = try TestEnvironment.model()
        let references = try TestEnvironment.references()
        let vectors = model.embed(references.map(\.text))
        #expect(vectors.count == references.count)
        for (index, (vector, reference)) in zip(vectors, references).enumerated() {
            #expect(vector.count == model.dimension)
            let cosine = TestEnvironment.cosine(vector, reference.embedding)
            #expect(cosine >= 0.9999, "sentence \(index): cosine \(cosine) for \(String(reflecting: reference.text))")
        }
    }
}
