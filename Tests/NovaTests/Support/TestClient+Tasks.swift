import Foundation
import HummingbirdTesting
import NovaJSON

extension TestClientProtocol {
    /// Polls `GET /tasks/{id}` until the task leaves PENDING, STARTED and RUNNING (at most 30 s); returns its body.
    func finishedTask(_ taskID: String) async throws -> JSONValue {
        for _ in 0..<300 {
            let (_, task) = try await call(.get, "/tasks/\(taskID)")
            if let task, !["PENDING", "STARTED", "RUNNING"].contains(task["status"]?.stringValue ?? "") { return task }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw CreationFailed(description: "task \(taskID) did not finish")
    }

    /// Stores `definition` as a new workflow, executes it with `context` and returns the finished task's body.
    func executeToEnd(_ definition: JSONValue, context: JSONValue = .object([:])) async throws -> JSONValue {
        let id = try await create("/workflows", .object(["name": .string("w\(UUID())"), "graph_definition": definition]))
        let (status, accepted) = try await post("/workflows/\(id)/execute", .object(["initial_context": context]))
        guard status == .accepted, let taskID = accepted?["task_id"]?.stringValue else {
            throw CreationFailed(description: "execute answered \(status)")
        }
        return try await finishedTask(taskID)
    }
}
