import Foundation
import NovaJSON

extension ExecutionJob {
    /// The job sealed with `cipher` (AES-GCM, ``CredentialCipher``): what a Redis stream entry and a task row hold, so the
    /// initial context (which may hold secrets) is never stored in the clear.
    package func sealed(with cipher: CredentialCipher) throws -> String {
        let members: [String: JSONValue] = [
            "task_id": .string(taskID), "workflow_id": .int(workflowID), "client_slug": clientSlug.map(JSONValue.string) ?? .null,
            "initial_context": .object(initialContext), "enqueued_at": .double(enqueuedAt.timeIntervalSince1970),
        ]
        return try cipher.seal(members).sealed
    }

    /// Opens a job sealed by ``sealed(with:)``; throws ``CredentialCipherError/cannotOpen`` for a wrong key or altered text.
    package init(sealed: String, cipher: CredentialCipher) throws {
        let members = try cipher.open(SealedCredentialValues(fieldNames: [], sealed: sealed))
        guard let taskID = members["task_id"]?.stringValue, let workflowID = members["workflow_id"]?.intValue,
            let context = members["initial_context"]?.objectValue, let enqueued = Self.seconds(members["enqueued_at"])
        else { throw CredentialCipherError.cannotOpen }
        self.init(
            taskID: taskID, workflowID: workflowID, clientSlug: members["client_slug"]?.stringValue, initialContext: context,
            enqueuedAt: Date(timeIntervalSince1970: enqueued))
    }

    private static func seconds(_ value: JSONValue?) -> Double? {
        switch value {
        case .double(let seconds)?: seconds
        case .int(let seconds)?: Double(seconds)
        default: nil
        }
    }
}
