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

    /// `"qz" + character + "qz"` and the ids the reference tokenizer gives it (without `[CLS]` and
    /// `[SEP]`): characters whose Unicode category changed after 8.0 (the reference classifies
    /// with Unicode 8.0 tables), controls, spaces, CJK range edges, a ligature and an emoji.
    static let characterCases: [(UInt32, [Int32])] = [
        (0x166D, [1053, 2480, 100, 1053, 2480]), (0x111C9, [1053, 2480, 100, 1053, 2480]),
        (0x1734, [1053, 2480, 4160, 2480]), (0x1171E, [1053, 2480, 4160, 2480]),
        (0x1885, [100]), (0x1886, [100]), (0xA9BD, [100]), (0x2E43, [100]),
        (0x0B, [1053, 2480, 4160, 2480]), (0x85, [1053, 2480, 4160, 2480]), (0xAD, [1053, 2480, 4160, 2480]),
        (0xE000, [1053, 2480, 4160, 2480]), (0x3000, [1053, 2480, 1053, 2480]), (0x130, [1053, 5831, 4160, 2480]),
        (0x4E00, [1053, 2480, 1740, 1053, 2480]), (0xF900, [1053, 2480, 100, 1053, 2480]),
        (0x2B81F, [1053, 2480, 100, 1053, 2480]), (0x2B820, [100]), (0x2B920, [1053, 2480, 100, 1053, 2480]),
        (0xFB01, [1053, 2480, 30510, 4160, 2480]), (0x1F642, [100]),
    ]

    @Test("characters classified differently across Unicode versions tokenize as in the reference")
    func characterClassification() throws {
        let model = try TestEnvironment.model()
        for (codePoint, expected) in Self.characterCases {
            var text = "qz"
            text.unicodeScalars.append(Unicode.Scalar(codePoint)!)
            text += "qz"
            let ids = Array(model.tokenize(text).dropFirst().dropLast())
            #expect(ids == expected, "U+\(String(codePoint, radix: 16, uppercase: true))")
        }
    }
}
