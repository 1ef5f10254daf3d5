import Foundation
import NovaJSON
import RAGCore
import Testing

@testable import NovaCore
@testable import NovaRAG

/// The quantised search of ``VectorIndex`` against Float32 brute force on fixed, seeded data.
@Suite("VectorIndex: quantised search, workflow segments, removal")
struct QuantisedVectorIndexTests {
    /// A seeded generator (SplitMix64), so that every run sees the same vectors.
    private struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
    }

    /// One stored row as the test knows it, in insertion order.
    private struct Row {
        let id: String
        var workflow: Int?
        var vector: [Float]
    }

    private static func randomUnitVector(_ dimension: Int, _ generator: inout SeededGenerator) -> [Float] {
        VectorMath.normalised((0..<dimension).map { _ in Float.random(in: -1...1, using: &generator) })
    }

    /// A hit as the tests compare it: id and score.
    private struct Scored: Equatable {
        let id: String
        let cosine: Float

        init(id: String, cosine: Float) {
            self.id = id
            self.cosine = cosine
        }

        init(_ hit: VectorIndex.Hit) {
            self.init(id: hit.id, cosine: hit.cosine)
        }
    }

    /// The best `limit` of `rows` by Float32 dot product with `query`, equal scores in insertion order.
    private static func bruteForce(_ rows: [Row], _ query: [Float], limit: Int) -> [Scored] {
        var scored: [(position: Int, hit: Scored)] = []
        for (position, row) in rows.enumerated() {
            let cosine = query.withUnsafeBufferPointer { wanted in row.vector.withUnsafeBufferPointer { VectorMath.dot(wanted, $0) } }
            scored.append((position, Scored(id: row.id, cosine: cosine)))
        }
        scored.sort { lhs, rhs in
            lhs.hit.cosine > rhs.hit.cosine || (lhs.hit.cosine == rhs.hit.cosine && lhs.position < rhs.position)
        }
        return scored.prefix(limit).map(\.hit)
    }

    /// Share of the expected ids that were found.
    private static func recall(_ found: [Scored], _ expected: [Scored]) -> Double {
        guard !expected.isEmpty else { return 1 }
        return Double(Set(found.map(\.id)).intersection(expected.map(\.id)).count) / Double(expected.count)
    }

    @Test("on 2,000 random 384-long vectors and 50 queries, recall@5 and @15 are 1 and the results equal brute force's")
    func randomVectors() {
        var generator = SeededGenerator(state: 24)
        var index = VectorIndex(dimension: 384)
        var rows: [Row] = []
        for position in 0..<2000 {
            let row = Row(id: "e\(position)", workflow: position % 4, vector: Self.randomUnitVector(384, &generator))
            rows.append(row)
            index.upsert(id: row.id, workflowID: row.workflow, vector: row.vector)
        }
        var recalls: [Double] = []
        for _ in 0..<50 {
            let query = Self.randomUnitVector(384, &generator)
            for limit in [5, 15] {
                let expected = Self.bruteForce(rows, query, limit: limit)
                let found = index.search(query, limit: limit, filter: .all).map { Scored($0) }
                recalls.append(Self.recall(found, expected))
                #expect(found == expected)
                #expect(index.exactSearch(query, limit: limit, filter: .all).map { Scored($0) } == expected)
            }
        }
        #expect(recalls.allSatisfy { $0 == 1 })
    }

    @Test("near ties: duplicates and vectors a hair apart come back in brute force's order with its scores")
    func nearTies() {
        var generator = SeededGenerator(state: 7)
        let base = Self.randomUnitVector(384, &generator)
        var index = VectorIndex(dimension: 384)
        var rows: [Row] = []
        for position in 0..<600 {
            let vector: [Float]
            switch position % 3 {
            case 0: vector = base
            case 1: vector = VectorMath.normalised(base.map { $0 + Float.random(in: -1e-4...1e-4, using: &generator) })
            default: vector = VectorMath.normalised(base.map { $0 + Float.random(in: -3e-2...3e-2, using: &generator) })
            }
            let row = Row(id: "t\(position)", workflow: nil, vector: vector)
            rows.append(row)
            index.upsert(id: row.id, workflowID: nil, vector: vector)
        }
        let queries = [base] + (0..<20).map { _ in VectorMath.normalised(base.map { $0 + Float.random(in: -1e-3...1e-3, using: &generator) }) }
        for query in queries {
            for limit in [1, 5, 20] {
                let expected = Self.bruteForce(rows, query, limit: limit)
                #expect(index.search(query, limit: limit, filter: .all).map { Scored($0) } == expected)
            }
        }
    }

    @Test("a search filtered by workflow equals brute force over that workflow's rows, through replacements and removals")
    func filteredEqualsBruteForce() {
        var generator = SeededGenerator(state: 99)
        var index = VectorIndex(dimension: 64)
        var rows: [Row] = []
        for position in 0..<1500 {
            let row = Row(id: "f\(position)", workflow: position % 7 == 0 ? nil : position % 5, vector: Self.randomUnitVector(64, &generator))
            rows.append(row)
            index.upsert(id: row.id, workflowID: row.workflow, vector: row.vector)
        }
        for position in stride(from: 0, to: 1500, by: 11) {
            let moved = Row(id: "f\(position)", workflow: (position / 11) % 6, vector: Self.randomUnitVector(64, &generator))
            rows[position] = moved
            index.upsert(id: moved.id, workflowID: moved.workflow, vector: moved.vector)
        }
        let removed = Set(stride(from: 3, to: 1500, by: 13).map { "f\($0)" })
        for id in removed { index.remove(id: id) }
        rows.removeAll { removed.contains($0.id) }
        #expect(index.count == rows.count)
        #expect(index.segmentedRowCount == rows.count)
        for _ in 0..<20 {
            let query = Self.randomUnitVector(64, &generator)
            for workflow in 0..<6 {
                let mine = rows.filter { $0.workflow == workflow }
                let found = index.search(query, limit: 10, filter: .workflow(workflow)).map { Scored($0) }
                #expect(found == Self.bruteForce(mine, query, limit: 10))
            }
            #expect(index.search(query, limit: 10, filter: .all).map { Scored($0) } == Self.bruteForce(rows, query, limit: 10))
        }
        #expect(index.search(Self.randomUnitVector(64, &generator), limit: 5, filter: .workflow(42)).isEmpty)
    }

    @Test("removing every row of a workflow, then every row, leaves nothing in any structure")
    func removalEmptiesEverything() {
        var generator = SeededGenerator(state: 3)
        var index = VectorIndex(dimension: 32)
        for position in 0..<300 { index.upsert(id: "r\(position)", workflowID: position % 3, vector: Self.randomUnitVector(32, &generator)) }
        for position in stride(from: 1, to: 300, by: 3) {
            let removed = index.remove(id: "r\(position)")
            #expect(removed)
        }
        let query = Self.randomUnitVector(32, &generator)
        #expect(index.search(query, limit: 50, filter: .workflow(1)).isEmpty)
        #expect(index.search(query, limit: 300, filter: .all).count == 200)
        #expect(index.search(query, limit: 300, filter: .all).allSatisfy { Int($0.id.dropFirst())! % 3 != 1 })
        for position in 0..<300 { index.remove(id: "r\(position)") }
        #expect(index.count == 0)
        #expect(index.segmentedRowCount == 0)
        #expect(index.search(query, limit: 5, filter: .all).isEmpty)
        let removedAgain = index.remove(id: "r0")
        #expect(!removedAgain)
    }

    @Test("a deleted entry and cleared entries are no longer found by filtered or unfiltered searches")
    func deleteAndClearThroughTheCache() async throws {
        try await RAGApp.run(["EMBEDDING_PROVIDER": "hash"], allowAdmin: true) { client in
            var ids: [String] = []
            for (position, prompt) in ["sum the invoice amounts", "sum the invoice amounts in the table", "archive the email"].enumerated() {
                let (_, saved) = try await client.post(
                    "/code/save", CodeCacheFixtures.save(prompt: prompt, code: "print(\(position))", workflowID: 1 + position % 2))
                ids.append(try #require(saved?["id"]?.stringValue))
            }
            func found(_ workflow: Int?) async throws -> Set<String> {
                let (_, body) = try await client.post(
                    "/code/search", CodeCacheFixtures.search(prompt: "sum the invoice amounts", threshold: 0, topK: 20, workflowID: workflow))
                return Set(body?["matches"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? [])
            }
            #expect(try await found(1).contains(ids[0]))
            #expect(try await client.call(.delete, "/code/entries/\(ids[0])").0 == .ok)
            #expect(try await !found(1).contains(ids[0]))
            #expect(try await !found(nil).contains(ids[0]))
            _ = try await client.call(.post, "/code/clear")
            #expect(try await found(1).isEmpty)
            #expect(try await found(2).isEmpty)
            #expect(try await found(nil).isEmpty)
        }
    }
}
