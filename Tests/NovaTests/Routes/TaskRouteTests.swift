import Foundation
import HTTPTypes
import HummingbirdTesting
import NovaCore
import NovaJSON
import Testing

@Suite("Execute and task routes")
struct TaskRouteTests {
    @Test("execute queues a job, answers 202 with the contract body, and the task reads PENDING", arguments: Backend.available)
    func execute(backend: Backend) async throws {
        let queue = MemoryJobQueue()
        try await NovaApp.run(backend, ["NOVA_SECRET_KEY": NovaApp.secretKey], queue: queue) { client in
            let id = try await client.create(
                "/workflows", .object(["name": .string("Invoice Processing"), "graph_definition": GraphFixtures.linear]))
            _ = try await client.create("/clients", ClientFixtures.client())
            let body: JSONValue = .object(["client_slug": .string("acme"), "initial_context": .object(["pdf": .string("x")])])
            let (status, accepted) = try await client.post("/workflows/\(id)/execute", body)
            #expect(status == .accepted)
            let taskID = try #require(accepted?["task_id"]?.stringValue)
            #expect(UUID(uuidString: taskID) != nil)
            #expect(
                accepted
                    == .object([
                        "task_id": .string(taskID), "status": .string("queued"), "workflow_id": .int(id),
                        "workflow_name": .string("Invoice Processing"),
                        "message": .string("Workflow queued for execution. Use GET /tasks/\(taskID) to check status."),
                    ]))
            let (taskStatus, task) = try await client.call(.get, "/tasks/\(taskID)")
            #expect(taskStatus == .ok)
            #expect(
                task == .object(["task_id": .string(taskID), "status": .string("PENDING"), "message": .string("Task is queued, waiting for worker")]))
            let (emptyStatus, _) = try await client.execute(uri: "/workflows/\(id)/execute", method: .post) { ($0.status, 0) }
            #expect(emptyStatus == .accepted)
            let (nullStatus, _) = try await client.post("/workflows/\(id)/execute", .object(["initial_context": .null, "client_slug": .null]))
            #expect(nullStatus == .accepted)
        }
        let jobs = await queue.queued
        #expect(jobs.count == 3)
        #expect(jobs[0].clientSlug == "acme")
        #expect(jobs[0].initialContext == ["pdf": .string("x")])
        #expect(jobs[1].initialContext == [:])
    }

    @Test("execute refuses an unknown workflow, an unknown or inactive client, an invalid stored graph and a bad body", arguments: Backend.available)
    func executeErrors(backend: Backend) async throws {
        let database = try await NovaApp.Database(backend)
        try await database.seed { stores in
            _ = try await stores.workflows.create(
                WorkflowDraft(name: "ok", description: nil, graphDefinition: GraphFixtures.linear), at: TestTime.origin)
            _ = try await stores.workflows.create(
                WorkflowDraft(name: "bad", description: nil, graphDefinition: .object(["nodes": .array([])])), at: TestTime.origin)
            _ = try await stores.clients.createClient(ClientDraft(slug: "sleepy", name: "Sleepy", isActive: false), at: TestTime.origin)
        }
        let queue = MemoryJobQueue()
        try await NovaApp.run(database, queue: queue) { client in
            let missing: JSONValue = .object(["error": .string("Workflow 9 not found"), "status_code": .int(404)])
            #expect(try await client.post("/workflows/9/execute", .object([:])) == (.notFound, missing))
            for slug in ["nobody", "sleepy"] {
                let (status, error) = try await client.post("/workflows/1/execute", .object(["client_slug": .string(slug)]))
                #expect(status == .notFound)
                #expect(error?["error"] == .string("Client '\(slug)' not found or inactive"))
            }
            let (invalid, error) = try await client.post("/workflows/2/execute", .object([:]))
            #expect(invalid == .badRequest)
            #expect(error?["error"] == .string("Invalid workflow graph: Workflow definition missing 'edges' field"))
            #expect(try await client.post("/workflows/1/execute", .object(["initial_context": .string("x")])).0 == .unprocessableContent)
            #expect(try await client.post("/workflows/x/execute", .object([:])).0 == .unprocessableContent)
        }
        #expect(await queue.queued.isEmpty)
    }

    @Test("each task state has the contract's body; a failed workflow is FAILURE with its error (D16)", arguments: Backend.available)
    func taskBodies(backend: Backend) async throws {
        let database = try await NovaApp.Database(backend)
        let result: JSONValue = .object([
            "execution_id": .int(7), "status": .string("failed"), "final_context": .object([:]), "execution_trace": .array([]),
            "nodes_executed": .null, "error": .string("Node read failed: boom"),
        ])
        try await database.seed { stores in
            func task(_ id: String, _ state: TaskState) -> TaskRecord {
                TaskRecord(taskID: id, state: state, workflowID: 1, workflowName: "W", createdAt: TestTime.origin, updatedAt: TestTime.origin)
            }
            var failed = task("failed", .failure)
            failed.executionID = 7
            failed.result = result
            failed.error = "Node read failed: boom"
            var succeeded = task("succeeded", .success)
            succeeded.executionID = 8
            succeeded.result = .object(["status": .string("success"), "error": .null])
            var retrying = task("retrying", .retry)
            retrying.attempts = 2
            retrying.error = "database unavailable"
            var running = task("running", .running)
            running.meta = .object(["execution_id": .int(9), "workflow_id": .int(1)])
            for record in [failed, succeeded, retrying, running, task("started", .started), task("revoked", .revoked)] {
                try await stores.tasks.insert(record)
            }
        }
        try await NovaApp.run(database) { client in
            let (_, failed) = try await client.call(.get, "/tasks/failed")
            #expect(failed?["status"] == .string("FAILURE"))
            #expect(failed?["message"] == .string("Task failed"))
            #expect(failed?["error"] == .string("Node read failed: boom"))
            #expect(failed?["execution_id"] == .int(7))
            #expect(failed?["workflow_status"] == .string("failed"))
            #expect(failed?["result"] == result)
            let (_, succeeded) = try await client.call(.get, "/tasks/succeeded")
            #expect(succeeded?["message"] == .string("Task completed successfully"))
            #expect(succeeded?["workflow_status"] == .string("success"))
            #expect(succeeded?["error"] == .null)
            #expect(succeeded?["execution_id"] == .int(8))
            let (retryStatus, retrying) = try await client.call(.get, "/tasks/retrying")
            #expect(retryStatus == .ok)
            #expect(retrying?["message"] == .string("Task failed, retrying (2 attempts)"))
            #expect(retrying?["error"] == .string("database unavailable"))
            let (_, running) = try await client.call(.get, "/tasks/running")
            #expect(running?["meta"]?["execution_id"] == .int(9))
            #expect(try await client.call(.get, "/tasks/started").1?["message"] == .string("Task is executing"))
            #expect(try await client.call(.get, "/tasks/revoked").1?["status"] == .string("REVOKED"))
            #expect(try await client.call(.get, "/tasks/any-string-at-all").1?["status"] == .string("PENDING"))
        }
    }
}
