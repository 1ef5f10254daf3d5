import Foundation
import RAGCore
import Testing

/// What nova-rag refuses to store: literal credentials, found in time linear in the text.
@Suite("Secret scanner")
struct SecretScannerTests {
    @Test(
        "a URL with a password is a secret wherever its scheme starts; one without a password is not",
        arguments: [
            ("conn = 'postgres://admin:hunter2@db.internal/prod'", true), ("x1redis+tls://user:pw@cache:6379", true),
            ("see https://example.com/a:b@c", false), ("https://user@example.com", false), ("9://user:pw@host", false),
            ("a://b:c", false), ("mysql://root:secret@localhost", true),
        ])
    func urlWithPassword(text: String, secret: Bool) {
        #expect(SecretScanner.containsSecret(text) == secret)
    }

    @Test("a long run of letters is scanned in linear time, and a credential after it is still found")
    func longRunOfLetters() {
        let run = String(repeating: "a", count: 200_000)
        let started = ContinuousClock.now
        #expect(!SecretScanner.containsSecret(run))
        #expect(SecretScanner.containsSecret(run + "://user:password@host"))
        #expect(ContinuousClock.now - started < .seconds(2))
    }
}
