import Foundation
import NovaCore
import NovaJSON
import PromptGuard
import RAGCore
import Testing

/// nova-rag re-embeds a store once when ``SearchText/embeddedForm`` differs from the form its vectors were made from.
/// The embedded text includes the prompt as ``PromptGuard`` reads it, so a change of the guard's word lists that
/// changes any reading must come with a new form version, or stores keep vectors of the old reading and searches
/// silently score lower.
@Suite("Embedded-form version follows the prompt guard's reading")
struct EmbeddedFormVersionTests {
    /// SHA-256 of the guard's readings of every prompt of the development pairs, per embedded-form version.
    private static let readingFingerprints = [
        "canonical-then-original-3": "ae870b66249feefa4b72ef5f092f16ef7383b29acd398c04daa2a0ad732dbfa3"
    ]

    @Test("the guard's readings of the development pairs are those recorded for the current embedded-form version")
    func readingsMatchTheFormVersion() throws {
        let pairs = TestEnvironment.repository.appendingPathComponent("benchmarks/semantic-precision/pairs.jsonl")
        let lines = try String(contentsOf: pairs, encoding: .utf8).split(separator: "\n")
        let promptGuard = PromptGuard()
        var readings: [String] = []
        for line in lines {
            let pair = try #require(JSONValue(jsonText: String(line)))
            for key in ["a", "b"] {
                readings.append(promptGuard.canonicalText(of: try #require(pair[key]?.stringValue)))
            }
        }
        #expect(readings.count > 1000)
        let fingerprint = SHA256Hex.of(readings.joined(separator: "\n"))
        #expect(
            Self.readingFingerprints[SearchText.embeddedForm] == fingerprint,
            """
            The prompt guard now reads the development prompts differently (fingerprint \(fingerprint)). Stores embedded \
            with the old reading would keep stale vectors: give SearchText.embeddedForm a new version, then record this \
            fingerprint for it here.
            """)
    }
}
