import Foundation

/// Recall@5 of nova-rag's vector search against its own Float32 brute force, on the vectors of a nova-rag store.
///
/// Built by run.sh with swiftc from the index's sources in RAGCore, so it runs the code nova-rag runs. Reads, from the
/// directory given as its argument, `rows.f32` and `workflows.i64` (every entry's vector and workflow id, -1 for none,
/// in store order), `queries.f32` (query vectors) and `query-workflows.i64`, and prints one JSON line: recall@5 of
/// unfiltered and of workflow-filtered searches, and their mean time in the index (Float32 scan for comparison).
@main
struct RecallCheck {
    static func main() throws {
        let directory = URL(fileURLWithPath: CommandLine.arguments[1])
        let dimension = 384
        let rows = try floats(directory.appendingPathComponent("rows.f32"))
        let workflows = try integers(directory.appendingPathComponent("workflows.i64"))
        let queries = try floats(directory.appendingPathComponent("queries.f32"))
        let queryWorkflows = try integers(directory.appendingPathComponent("query-workflows.i64"))
        var index = VectorIndex(dimension: dimension)
        index.reserveCapacity(workflows.count)
        for row in 0..<workflows.count {
            let vector = Array(rows[row * dimension..<(row + 1) * dimension])
            index.upsert(id: "\(row)", workflowID: workflows[row] < 0 ? nil : workflows[row], vector: vector)
        }
        var report: [String: Double] = [:]
        for (name, filtered) in [("all", false), ("filtered", true)] {
            var found = 0
            var expected = 0
            var quantisedTime = Duration.zero
            var exactTime = Duration.zero
            let clock = ContinuousClock()
            for position in 0..<queryWorkflows.count {
                let query = Array(queries[position * dimension..<(position + 1) * dimension])
                let filter: VectorIndex.Filter = filtered ? .workflow(queryWorkflows[position]) : .all
                var answer: [VectorIndex.Hit] = []
                var reference: [VectorIndex.Hit] = []
                quantisedTime += clock.measure { answer = index.search(query, limit: 5, filter: filter) }
                exactTime += clock.measure { reference = index.exactSearch(query, limit: 5, filter: filter) }
                found += Set(answer.map(\.id)).intersection(reference.map(\.id)).count
                expected += reference.count
            }
            report["recall_\(name)"] = expected == 0 ? 1 : Double(found) / Double(expected)
            report["index_ms_\(name)"] = milliseconds(quantisedTime) / Double(queryWorkflows.count)
            report["float32_ms_\(name)"] = milliseconds(exactTime) / Double(queryWorkflows.count)
        }
        let json = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
        print(String(decoding: json, as: UTF8.self))
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    private static func floats(_ url: URL) throws -> [Float] {
        let data = try Data(contentsOf: url)
        return data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    }

    private static func integers(_ url: URL) throws -> [Int] {
        let data = try Data(contentsOf: url)
        return data.withUnsafeBytes { $0.bindMemory(to: Int64.self).map { Int($0) } }
    }
}
