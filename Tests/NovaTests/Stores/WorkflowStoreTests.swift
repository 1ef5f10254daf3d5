import Foundation
import NovaCore
import NovaJSON
import Testing

@Suite("Workflow store")
struct WorkflowStoreTests {
    private static let graph: JSONValue = .object(["nodes": .array([]), "edges": .array([]), "name": .string("kept")])

    @Test("a created workflow reads back with its graph verbatim and microsecond timestamps", arguments: StoreBackend.available)
    func createAndRead(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let created = try await stores.workflows.create(
                WorkflowDraft(name: "Invoices", description: nil, graphDefinition: Self.graph), at: TestTime.origin)
            let read = try #require(try await stores.workflows.workflow(id: created.id))
            #expect(read == created)
            #expect(read.graphDefinition == Self.graph)
            #expect(read.createdAt.timeIntervalSince1970 == TestTime.origin.timeIntervalSince1970)
            #expect(try await stores.workflows.workflow(id: created.id + 1) == nil)
        }
    }

    @Test("names are unique on create and on rename", arguments: StoreBackend.available)
    func uniqueNames(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let first = try await stores.workflows.create(
                WorkflowDraft(name: "A", description: nil, graphDefinition: Self.graph), at: TestTime.origin)
            let second = try await stores.workflows.create(
                WorkflowDraft(name: "B", description: "b", graphDefinition: Self.graph), at: TestTime.origin)
            await #expect(throws: StoreConflict.workflowName("A")) {
                try await stores.workflows.create(WorkflowDraft(name: "A", description: nil, graphDefinition: Self.graph), at: TestTime.origin)
            }
            await #expect(throws: StoreConflict.workflowName("A")) {
                try await stores.workflows.update(id: second.id, WorkflowChanges(name: "A"), at: TestTime.origin)
            }
            let renamed = try await stores.workflows.update(id: first.id, WorkflowChanges(name: "A"), at: TestTime.plus(seconds: 5))
            #expect(renamed?.name == "A")
            #expect(renamed?.updatedAt == TestTime.plus(seconds: 5))
        }
    }

    @Test("an update changes only the fields given", arguments: StoreBackend.available)
    func partialUpdate(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let created = try await stores.workflows.create(
                WorkflowDraft(name: "A", description: "old", graphDefinition: Self.graph), at: TestTime.origin)
            let updated = try #require(
                try await stores.workflows.update(id: created.id, WorkflowChanges(description: "new"), at: TestTime.plus(seconds: 1)))
            #expect(updated.name == "A")
            #expect(updated.description == "new")
            #expect(updated.graphDefinition == Self.graph)
            #expect(updated.createdAt == created.createdAt)
            #expect(try await stores.workflows.update(id: 999, WorkflowChanges(name: "x"), at: TestTime.origin) == nil)
        }
    }

    @Test("listing is by id with skip and limit, and total counts every workflow", arguments: StoreBackend.available)
    func listing(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            for index in 1...5 {
                _ = try await stores.workflows.create(
                    WorkflowDraft(name: "w\(index)", description: nil, graphDefinition: Self.graph), at: TestTime.origin)
            }
            let page = try await stores.workflows.list(skip: 1, limit: 2)
            #expect(page.items.map(\.name) == ["w2", "w3"])
            #expect(page.total == 5)
            #expect(try await stores.workflows.list(skip: 10, limit: 2).items.isEmpty)
            #expect(try await stores.workflows.count() == 5)
        }
    }

    @Test("deleting a workflow deletes its executions, chain entries, steps and cache entries", arguments: StoreBackend.available)
    func cascade(backend: StoreBackend) async throws {
        try await backend.withStores { stores in
            let workflow = try await stores.workflows.create(
                WorkflowDraft(name: "A", description: nil, graphDefinition: Self.graph), at: TestTime.origin)
            let execution = try await stores.executions.create(ExecutionDraft(workflowID: workflow.id), at: TestTime.origin)
            let step = ChainStepRecord(stepNumber: 3, stepName: "code_generation", agentName: "CodeGenerator", timestamp: TestTime.origin)
            _ = try await stores.executions.appendChainEntry(
                executionID: execution.id, ChainEntryRecord(nodeID: "start", nodeType: "start", timestamp: TestTime.origin), steps: [step])
            _ = try await stores.exactCache.insertIfAbsent(ExactCacheFixtures.draft(workflowID: workflow.id), at: TestTime.origin)
            #expect(try await stores.workflows.delete(id: workflow.id))
            #expect(try await stores.executions.execution(id: execution.id) == nil)
            #expect(try await stores.executions.chain(executionID: execution.id).isEmpty)
            #expect(try await stores.exactCache.stats().totalCachedCodes == 0)
            #expect(try await stores.workflows.delete(id: workflow.id) == false)
        }
    }
}
