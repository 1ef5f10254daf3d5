import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NovaCore
import NovaJSON
import ServiceKit
import Testing

@testable import NovaAPI

/// What the API answers when a dependency fails: a 503 the client may retry, never a 500.
@Suite("Dependency failures")
struct FailureRouteTests {
    private struct Unavailable: Error {}

    private struct FailingQueue: JobQueue {
        func enqueue(_ job: ExecutionJob) async throws { throw Unavailable() }
    }

    private struct FailingTasks: TaskStore {
        func insert(_ record: TaskRecord) async throws { throw Unavailable() }
        func task(id: String) async throws -> TaskRecord? { throw Unavailable() }
        func update(_ record: TaskRecord, expecting expected: TaskState) async throws -> Bool { throw Unavailable() }
        func unfinished() async throws -> [TaskRecord] { throw Unavailable() }
        func countPending(upTo limit: Int) async throws -> Int { throw Unavailable() }
        func purgeFinished(updatedBefore time: Date) async throws -> Int { throw Unavailable() }
    }

    @Test("a queue that refuses the job is a 503, and the task records the failure", arguments: Backend.available)
    func queueDown(backend: Backend) async throws {
        let database = try await NovaApp.Database(backend)
        try await NovaApp.run(database, queue: FailingQueue()) { client in
            let id = try await client.create("/workflows", .object(["name": .string("W"), "graph_definition": GraphFixtures.linear]))
            let (status, error) = try await client.post("/workflows/\(id)/execute", .object([:]))
            #expect(status == .serviceUnavailable)
            #expect(error?["error"] == .string("The execution could not be queued; retry later"))
        }
        try await database.seed { stores in
            let failed = try await stores.tasks.purgeFinished(updatedBefore: Date().addingTimeInterval(60))
            #expect(failed == 1)
        }
    }

    @Test("a task store that fails is a 503 on /tasks, not a 500")
    func taskStoreDown() async throws {
        let router = Router()
        router.add(middleware: ErrorEnvelopeMiddleware(style: .errorAndStatusCode))
        router.addRoutes(TaskController(tasks: FailingTasks()).routes)
        try await Application(router: router).test(.router) { client in
            let (status, body) = try await client.call(.get, "/tasks/abc")
            #expect(status == .serviceUnavailable)
            #expect(body?["status_code"] == .int(503))
        }
    }

    @Test("finished tasks older than the retention period are purged; recent and unfinished ones stay")
    func retention() async throws {
        let tasks = MemoryTaskStore()
        let now = Date()
        for (id, state, age) in [("old", TaskState.success, 8.0), ("recent", .failure, 1.0), ("queued", .pending, 30.0)] {
            let time = now.addingTimeInterval(-age * 86_400)
            try await tasks.insert(TaskRecord(taskID: id, state: state, workflowID: 1, workflowName: "W", createdAt: time, updatedAt: time))
        }
        await TaskRetentionService(tasks: tasks, clock: SystemWallClock(), logger: TestEnvironment.logger).purge()
        #expect(await tasks.task(id: "old") == nil)
        #expect(await tasks.task(id: "recent") != nil)
        #expect(await tasks.task(id: "queued") != nil)
    }

    @Test("deleting a credential that a schema uses is a 400 naming the conflict", arguments: Backend.available)
    func credentialInUse(backend: Backend) async throws {
        try await NovaApp.run(backend, ["NOVA_SECRET_KEY": NovaApp.secretKey]) { client in
            let clientID = try await client.create("/clients", ClientFixtures.client())
            let credential = try await client.create("/clients/\(clientID)/credentials", ClientFixtures.database())
            _ = try await client.create("/clients/\(clientID)/database-schemas", ClientFixtures.schema(credential: credential))
            let (status, error) = try await client.call(.delete, "/clients/\(clientID)/credentials/\(credential)")
            #expect(status == .badRequest)
            #expect(error?["error"] == .string("Credential \(credential) is used by a database schema; delete or move the schema first"))
        }
    }
}
