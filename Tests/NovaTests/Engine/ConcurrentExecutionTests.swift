import Foundation
import HummingbirdTesting
import NovaCore
import NovaJSON
import Testing

@testable import NovaAPI

/// Many executions submitted at once through the HTTP API, run by several workers with the real sandbox: none is
/// lost and no node runs twice, as the chain of work shows. A load test: it runs when `NOVA_LOAD_TESTS` is set, which
/// scripts/test.sh does in a run of its own after the suite.
@Suite("Concurrent executions", .enabled(if: ProcessInfo.processInfo.environment["NOVA_LOAD_TESTS"] != nil))
struct ConcurrentExecutionTests {
    private typealias G = GraphFixtures

    /// The queue the workers consume; the Redis queue joins as a case here.
    enum QueueKind: String, CustomTestStringConvertible, Sendable {
        /// The embedded queue of `nova serve`.
        case inProcess
        /// The Redis stream of `REDIS_URL` (a stream of its own per run), consumed by the app's workers.
        case redis

        /// The in-process queue, and the Redis one when `REDIS_URL` is set.
        static var available: [QueueKind] {
            ProcessInfo.processInfo.environment["REDIS_URL"] == nil ? [.inProcess] : [.inProcess, .redis]
        }

        var testDescription: String { rawValue }

        func make() async throws -> any JobQueue {
            switch self {
            case .inProcess: return InProcessJobQueue()
            case .redis:
                let url = try RedisURL(try #require(ProcessInfo.processInfo.environment["REDIS_URL"]))
                return try await RedisJobQueue.open(
                    url: url, stream: "test:load:\(UUID().uuidString.lowercased())", consumer: "load-test", abandonedAfter: .seconds(60),
                    cipher: NovaApp.cipher, readers: 4, logger: TestEnvironment.logger)
            }
        }
    }

    private static let executions = 200
    private static let nodeIDs: [JSONValue] = ["start", "a", "b", "c", "end"]

    /// start → a → b → c → end; each action counts itself and copies the seed under its own id.
    private static let definition = G.graph(
        nodes: [
            G.node("start", "start"),
            G.code("a", "context['visits'] = context.get('visits', 0) + 1; context['a'] = context['seed']"),
            G.code("b", "context['visits'] = context['visits'] + 1; context['b'] = context['a']"),
            G.code("c", "context['visits'] = context['visits'] + 1; context['c'] = context['b']"),
            G.node("end", "end"),
        ],
        edges: [G.edge("start", "a"), G.edge("a", "b"), G.edge("b", "c"), G.edge("c", "end")])

    @Test(
        "200 executions of a 5-node workflow submitted at once all succeed, each node of each exactly once", .serialized,
        arguments: Backend.available, QueueKind.available)
    func manyAtOnce(backend: Backend, queue: QueueKind) async throws {
        let variables = [
            "WORKER_CONCURRENCY": "4", "SANDBOX_NETWORK": "none", "RATE_LIMIT_PER_MINUTE": "1000000", "NOVA_SECRET_KEY": NovaApp.secretKey,
        ]
        try await NovaApp.run(backend, variables, queue: try await queue.make()) { client in
            let workflow = try await client.create("/workflows", .object(["name": "five nodes", "graph_definition": Self.definition]))
            let seeds = try await withThrowingTaskGroup(of: (String, Int).self) { group in
                for seed in 0..<Self.executions {
                    group.addTask {
                        let (status, accepted) = try await client.post(
                            "/workflows/\(workflow)/execute", .object(["initial_context": .object(["seed": .int(seed)])]))
                        guard status == .accepted, let taskID = accepted?["task_id"]?.stringValue else {
                            throw CreationFailed(description: "execute answered \(status)")
                        }
                        return (taskID, seed)
                    }
                }
                return try await group.reduce(into: [String: Int]()) { $0[$1.0] = $1.1 }
            }
            #expect(seeds.count == Self.executions)

            let tasks = try await finalTasks(client, seeds.sorted { $0.value < $1.value }.map(\.key), within: .seconds(900))
            try #require(tasks.count == Self.executions, "\(Self.executions - tasks.count) tasks never finished")
            var executionIDs: Set<Int> = []
            for (taskID, task) in tasks {
                #expect(task["status"] == "SUCCESS", "task \(taskID): \(task.jsonText)")
                let context = task["result"]?["final_context"]
                #expect(context?["visits"] == 3)
                #expect(context?["c"] == .int(seeds[taskID] ?? -1))
                let executionID = try #require(task["execution_id"]?.intValue)
                executionIDs.insert(executionID)
                let (_, chain) = try await client.call(.get, "/executions/\(executionID)/chain")
                #expect(chain?["entries"]?.arrayValue?.map { $0["node_id"] } == Self.nodeIDs, "execution \(executionID)")
                #expect(chain?["entries"]?.arrayValue?.allSatisfy { $0["status"] == "success" } == true)
            }
            #expect(executionIDs.count == Self.executions)
            var recorded: [String] = []
            for skip in stride(from: 0, to: Self.executions + 100, by: 100) {
                let (_, page) = try await client.call(.get, "/executions?skip=\(skip)&limit=100")
                recorded += page?["executions"]?.arrayValue?.compactMap { $0["task_id"]?.stringValue } ?? []
            }
            #expect(recorded.count == Self.executions, "one execution row per task")
            #expect(Set(recorded) == Set(seeds.keys))
        }
    }

    /// Polls the tasks in submission order, each until it leaves PENDING, STARTED and RUNNING (the workers take them
    /// in that order, so one request at a time suffices); returns the final bodies by task id.
    private func finalTasks(_ client: any TestClientProtocol, _ taskIDs: [String], within limit: Duration) async throws -> [String: JSONValue] {
        let deadline = ContinuousClock.now + limit
        var final: [String: JSONValue] = [:]
        for taskID in taskIDs {
            while ContinuousClock.now < deadline {
                let (_, task) = try await client.call(.get, "/tasks/\(taskID)")
                if let task, !["PENDING", "STARTED", "RUNNING"].contains(task["status"]?.stringValue ?? "") {
                    final[taskID] = task
                    break
                }
                try await Task.sleep(for: .milliseconds(200))
            }
        }
        return final
    }
}
