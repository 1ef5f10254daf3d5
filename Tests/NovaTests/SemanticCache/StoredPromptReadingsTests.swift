import PromptGuard
import Testing

@testable import RAGCore

/// The semantic cache reads a stored entry's prompt once and forgets the reading with the entry.
@Suite("Stored prompt readings")
struct StoredPromptReadingsTests {
    private func entry(id: String, prompt: String) -> CodeEntry {
        CodeEntry(
            id: id, aiDescription: prompt, inputSchema: [:], insights: [], config: [:], code: "result = 1", nodeAction: "node",
            nodeDescription: prompt, workflowID: 1, successCount: 1, failureCount: 0, createdAt: "2026-12-07T00:00:00", lastUsedAt: nil,
            librariesUsed: [], requiredKeys: [], extraMetadata: [:])
    }

    @Test("a reading is made on first use, kept, and replaced when the entry is replaced")
    func readingFollowsTheEntry() {
        var contents = CodeCacheContents(dimension: 2)
        let query = PromptGuard().prepare("Filter the invoices whose amount is over 500")
        let stored = entry(id: "code_0", prompt: "Filter the invoices whose amount is over 500")
        contents.upsert(stored, vector: [1, 0])
        #expect(contents.promptReadings.count == 0)
        #expect(query.check(candidate: contents.promptReadings.reading(of: stored)) == .compatible)
        #expect(query.check(candidate: contents.promptReadings.reading(of: stored)) == .compatible)
        #expect(contents.promptReadings.count == 1)

        let replaced = entry(id: "code_0", prompt: "Filter the invoices whose amount is over 5000")
        contents.upsert(replaced, vector: [0, 1])
        #expect(contents.promptReadings.count == 0)
        #expect(query.check(candidate: contents.promptReadings.reading(of: replaced)).isCompatible == false)
    }

    @Test("removing an entry drops its reading with its row and its entry")
    func removalForgetsTheReading() {
        var contents = CodeCacheContents(dimension: 2)
        let stored = entry(id: "code_0", prompt: "Sum the invoice totals")
        contents.upsert(stored, vector: [1, 0])
        _ = contents.promptReadings.reading(of: stored)
        contents.remove("code_0")
        #expect(contents.promptReadings.count == 0)
        #expect(contents.entries.isEmpty)
        #expect(contents.index.count == 0)
    }

    @Test("no more than the capacity of readings are held, and a dropped one is read again")
    func readingsStayWithinCapacity() {
        let readings = StoredPromptReadings(promptGuard: PromptGuard(), capacity: 3)
        let query = PromptGuard().prepare("Keep the rows whose amount is over 2")
        for number in 0..<6 {
            let stored = entry(id: "code_\(number)", prompt: "Keep the rows whose amount is over \(number)")
            #expect(query.check(candidate: readings.reading(of: stored)).isCompatible == (number == 2))
        }
        #expect(readings.count == 3)
        for number in 0..<6 {
            let stored = entry(id: "code_\(number)", prompt: "Keep the rows whose amount is over \(number)")
            #expect(query.check(candidate: readings.reading(of: stored)).isCompatible == (number == 2))
        }
        #expect(readings.count == 3)
    }
}
