import Foundation
import HTTPTypes
import HummingbirdTesting
import NovaJSON
import Testing

@Suite("Workflow routes")
struct WorkflowRouteTests {
    private func body(_ name: String, graph: JSONValue = GraphFixtures.linear, description: JSONValue = .null) -> JSONValue {
        .object(["name": .string(name), "description": description, "graph_definition": graph])
    }

    @Test("create answers 201 with the workflow, its graph verbatim and naive timestamps", arguments: Backend.available)
    func create(backend: Backend) async throws {
        try await NovaApp.run(backend) { client in
            var graph = try #require(GraphFixtures.decision.objectValue)
            graph["initial_context"] = .object(["a": .int(1)])
            let (status, created) = try await client.post("/workflows", body("Invoices", graph: .object(graph)))
            #expect(status == .created)
            #expect(created?["id"] == .int(1))
            #expect(created?["description"] == .null)
            #expect(created?["graph_definition"] == .object(graph))
            let stamp = try #require(created?["created_at"]?.stringValue)
            #expect(stamp.count == 26 && !stamp.hasSuffix("Z"))
            #expect(created?["updated_at"] == created?["created_at"])
            let (readStatus, read) = try await client.call(.get, "/workflows/1")
            #expect(readStatus == .ok)
            #expect(read == created)
        }
    }

    @Test("a duplicate name is a 400 on create and on rename (D36)", arguments: Backend.available)
    func duplicates(backend: Backend) async throws {
        try await NovaApp.run(backend) { client in
            _ = try await client.create("/workflows", body("A"))
            let b = try await client.create("/workflows", body("B"))
            let (status, error) = try await client.post("/workflows", body("A"))
            #expect(status == .badRequest)
            #expect(error == .object(["error": .string("Workflow 'A' already exists"), "status_code": .int(400)]))
            let (renameStatus, renameError) = try await client.put("/workflows/\(b)", .object(["name": .string("A")]))
            #expect(renameStatus == .badRequest)
            #expect(renameError?["error"] == .string("Workflow 'A' already exists"))
        }
    }

    @Test("an invalid graph is a 400 naming the reason, on create and on update (D14)", arguments: Backend.available)
    func invalidGraphs(backend: Backend) async throws {
        try await NovaApp.run(backend) { client in
            let (status, error) = try await client.post("/workflows", body("A", graph: .object(["nodes": .array([])])))
            #expect(status == .badRequest)
            #expect(error?["error"] == .string("Invalid workflow graph: Workflow definition missing 'edges' field"))
            let id = try await client.create("/workflows", body("A"))
            let broken = GraphFixtures.graph(
                nodes: [GraphFixtures.node("s", "start"), GraphFixtures.code("x", "def ("), GraphFixtures.node("e", "end")],
                edges: [GraphFixtures.edge("s", "x"), GraphFixtures.edge("x", "e")])
            let (updateStatus, updateError) = try await client.put("/workflows/\(id)", .object(["graph_definition": broken]))
            #expect(updateStatus == .badRequest)
            #expect(updateError?["error"]?.stringValue?.hasPrefix("Invalid workflow graph: Failed to parse node x: code is not valid Python") == true)
            let (_, unchanged) = try await client.call(.get, "/workflows/\(id)")
            #expect(unchanged?["graph_definition"] == GraphFixtures.linear)
        }
    }

    @Test("bad bodies, ids and query values are 422 naming the field", arguments: Backend.available)
    func validation(backend: Backend) async throws {
        try await NovaApp.run(backend) { client in
            let (status, error) = try await client.post("/workflows", .object(["name": .string(""), "graph_definition": .string("x")]))
            #expect(status == .unprocessableContent)
            let locations = error?["detail"]?.arrayValue?.compactMap { $0["loc"] } ?? []
            #expect(locations.contains(.array([.string("body"), .string("name")])))
            #expect(locations.contains(.array([.string("body"), .string("graph_definition")])))
            let (longStatus, _) = try await client.post("/workflows", body(String(repeating: "n", count: 256)))
            #expect(longStatus == .unprocessableContent)
            #expect(try await client.call(.get, "/workflows/abc").0 == .unprocessableContent)
            #expect(try await client.call(.get, "/workflows?limit=-1").0 == .unprocessableContent)
            #expect(try await client.call(.get, "/workflows?skip=x").0 == .unprocessableContent)
            #expect(try await client.execute(uri: "/workflows", method: .post, body: .init(string: "{oops")) { $0.status } == .unprocessableContent)
        }
    }

    @Test("list is ordered by id with skip and limit; total counts all", arguments: Backend.available)
    func list(backend: Backend) async throws {
        try await NovaApp.run(backend) { client in
            for name in ["a", "b", "c"] { _ = try await client.create("/workflows", body(name)) }
            let (status, page) = try await client.call(.get, "/workflows?skip=1&limit=1")
            #expect(status == .ok)
            #expect(page?["total"] == .int(3))
            #expect(page?["workflows"]?.arrayValue?.map { $0["name"] } == [.string("b")])
            let (_, all) = try await client.call(.get, "/workflows")
            #expect(all?["workflows"]?.arrayValue?.count == 3)
        }
    }

    @Test("update changes the given fields and refreshes updated_at; unknown ids are 404", arguments: Backend.available)
    func update(backend: Backend) async throws {
        try await NovaApp.run(backend) { client in
            let id = try await client.create("/workflows", body("A", description: .string("old")))
            let (_, before) = try await client.call(.get, "/workflows/\(id)")
            let (status, updated) = try await client.put("/workflows/\(id)", .object(["description": .string("new"), "name": .null]))
            #expect(status == .ok)
            #expect(updated?["name"] == .string("A"))
            #expect(updated?["description"] == .string("new"))
            #expect(updated?["created_at"] == before?["created_at"])
            #expect((updated?["updated_at"]?.stringValue ?? "") > (before?["updated_at"]?.stringValue ?? "~"))
            let missing: JSONValue = .object(["error": .string("Workflow 99 not found"), "status_code": .int(404)])
            #expect(try await client.put("/workflows/99", .object(["name": .string("x")])) == (.notFound, missing))
            #expect(try await client.call(.get, "/workflows/99") == (.notFound, missing))
            #expect(try await client.call(.delete, "/workflows/99") == (.notFound, missing))
        }
    }

    @Test("delete answers the contract's message and the workflow is gone", arguments: Backend.available)
    func delete(backend: Backend) async throws {
        try await NovaApp.run(backend) { client in
            let id = try await client.create("/workflows", body("A"))
            let (status, answer) = try await client.call(.delete, "/workflows/\(id)")
            #expect(status == .ok)
            #expect(answer == .object(["message": .string("Workflow \(id) deleted successfully")]))
            #expect(try await client.call(.get, "/workflows/\(id)").0 == .notFound)
        }
    }
}
