import NovaJSON

/// Validates a graph definition completely: structure (``WorkflowGraph``) and the Python syntax of every
/// hand-written (`e2b`) node's code, checked in one subprocess.
package struct WorkflowGraphValidator: Sendable {
    private let syntax: any PythonSyntaxChecker

    /// Creates the validator with the syntax checker to use.
    package init(syntax: any PythonSyntaxChecker) {
        self.syntax = syntax
    }

    /// The valid graph; throws ``GraphValidationError`` naming the node or edge at fault, or
    /// ``PythonSyntaxCheckError`` when the syntax check could not run.
    package func validate(_ definition: JSONValue) async throws -> WorkflowGraph {
        let graph = try WorkflowGraph(definition: definition)
        let coded = graph.nodes.filter { $0.executor == .e2b && $0.code != nil }
        let errors = try await syntax.syntaxErrors(in: coded.map { $0.code ?? "" })
        if let (node, error) = zip(coded, errors).first(where: { $0.1 != nil }) {
            throw GraphValidationError("Failed to parse node \(node.id): code is not valid Python: \(error ?? "")")
        }
        return graph
    }
}
