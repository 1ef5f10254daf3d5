import NovaCore
import NovaJSON
import ServiceKit

/// Validates `POST /workflows` and `PUT /workflows/{id}` bodies (docs/api.md §3.3); every field at fault is named in the 422.
enum WorkflowRequestReader {
    /// A create body: `name` (1..255, required), `description` (string or null), `graph_definition` (object, required).
    static func draft(_ body: JSONValue) throws -> WorkflowDraft {
        var fields = try BodyFields(body)
        let name = fields.string("name", minLength: 1)
        checkLength(name, &fields)
        let description = fields.string("description", required: false)
        let graph = fields.object("graph_definition")
        try fields.validate()
        guard let name, let graph else { throw RequestValidationError([]) }
        return WorkflowDraft(name: name, description: description, graphDefinition: .object(graph))
    }

    /// An update body: any subset of the create fields; absent or null members stay unchanged.
    static func changes(_ body: JSONValue) throws -> WorkflowChanges {
        var fields = try BodyFields(body)
        let name = fields.string("name", required: false, minLength: 1)
        checkLength(name, &fields)
        let description = fields.string("description", required: false)
        let graph = fields.object("graph_definition", required: false)
        try fields.validate()
        return WorkflowChanges(name: name, description: description, graphDefinition: graph.map(JSONValue.object))
    }

    private static func checkLength(_ name: String?, _ fields: inout BodyFields) {
        if let name, name.count > 255 { fields.fail("name", type: "string_too_long", msg: "String should have at most 255 characters") }
    }
}
