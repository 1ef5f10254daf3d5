import Foundation
import RAGCore
import Testing

@testable import NovaCore

@Suite("The in-memory vector index")
struct VectorIndexTests {
    private func randomUnitVector(_ dimension: Int, _ generator: inout some RandomNumberGenerator) -> [Float] {
        VectorMath.normalised((0..<dimension).map { _ in Float.random(in: -1...1, using: &generator) })
    }

    @Test("search returns exactly what a naive reference scan returns, with and without a workflow filter")
    func matchesNaiveReference() {
        var generator = SystemRandomNumberGenerator()
        var index = VectorIndex(dimension: 37)
        var rows: [(id: String, workflow: Int?, vector: [Float])] = []
        for row in 0..<500 {
            let vector = randomUnitVector(37, &generator)
            let workflow: Int? = row % 3 == 0 ? nil : row % 5
            rows.append(("e\(row)", workflow, vector))
            index.upsert(id: "e\(row)", workflowID: workflow, vector: vector)
        }
        for id in ["e3", "e100", "e499"] {
            index.remove(id: id)
            rows.removeAll { $0.id == id }
        }
        for _ in 0..<20 {
            let query = randomUnitVector(37, &generator)
            for filter in [VectorIndex.Filter.all, .workflow(2)] {
                let candidates = rows.filter { if case .workflow(let wanted) = filter { $0.workflow == wanted } else { true } }
                let expected = candidates.map { row in (row.id, zip(query, row.vector).reduce(Float(0)) { $0 + $1.0 * $1.1 }) }
                    .sorted { $0.1 > $1.1 }.prefix(7)
                let found = index.search(query, limit: 7, filter: filter)
                #expect(found.map(\.id) == expected.map(\.0))
                for (hit, reference) in zip(found, expected) { #expect(abs(hit.cosine - reference.1) < 1e-5) }
            }
        }
    }

    @Test("a filtered search still returns up to the limit when most rows belong to other workflows")
    func filterBeforeScoring() {
        var index = VectorIndex(dimension: 2)
        for row in 0..<100 { index.upsert(id: "other\(row)", workflowID: 1, vector: [1, 0]) }
        for row in 0..<5 { index.upsert(id: "mine\(row)", workflowID: 2, vector: VectorMath.normalised([0.1, 1])) }
        #expect(index.search([1, 0], limit: 5, filter: .workflow(2)).count == 5)
    }

    @Test("upserting an existing id replaces its vector instead of adding a row")
    func upsertReplaces() {
        var index = VectorIndex(dimension: 2)
        index.upsert(id: "a", workflowID: nil, vector: [1, 0])
        index.upsert(id: "a", workflowID: nil, vector: [0, 1])
        #expect(index.count == 1)
        #expect(index.search([0, 1], limit: 1, filter: .all).first?.cosine == 1)
    }
}
