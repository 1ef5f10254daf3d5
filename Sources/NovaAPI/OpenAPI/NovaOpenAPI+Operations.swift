import NovaJSON
import ServiceKit

extension NovaOpenAPI {
    static let serviceOperations: [OpenAPIOperation] = [
        operation(
            "GET", "/", "Service name, version and where the docs are", tag: "service", [json(200, "Service", S.ref("ServiceInfo"))], isPublic: true),
        operation(
            "GET", "/health", "Liveness, with the last background check of each component", tag: "service", [json(200, "Health", S.ref("Health"))],
            isPublic: true),
        operation(
            "GET", "/health/components", "Live database check and configuration facts", tag: "service", [json(200, "Components", S.ref("Components"))]
        ),
        operation(
            "GET", "/health/detailed", "Verdicts on database, executor breaker and error rate", tag: "service",
            [json(200, "Health", S.ref("DetailedHealth"))]),
        operation(
            "GET", "/metrics", "Execution, breaker, workflow, database and cache figures (JSON, or Prometheus text)", tag: "service",
            parameters: [
                Parameter("format", in: .query, S.string(oneOf: ["json", "prometheus"]), "prometheus for the text format (or Accept: text/plain)")
            ],
            [(200, .media("Metrics", ["application/json": S.ref("Metrics"), "text/plain": S.string()])), invalid]),
        operation("GET", "/openapi.json", "This document", tag: "service", [json(200, "OpenAPI 3.1 document", S.anyObject)]),
        operation("GET", "/docs", "This document as an HTML page", tag: "service", [(200, .media("HTML page", ["text/html": S.string()]))]),
        operation("GET", "/redoc", "The same HTML page", tag: "service", [(200, .media("HTML page", ["text/html": S.string()]))]),
    ]

    /// The routes that take the id of a created workflow.
    private static let workflowRoutes =
        ["GET", "PUT", "DELETE"].map { ($0, "/workflows/{workflow_id}") } + [("POST", "/workflows/{workflow_id}/execute")]

    static let workflowOperations: [OpenAPIOperation] = [
        operation(
            "GET", "/workflows", "List workflows by id", tag: "workflows",
            parameters: [query("skip", "Rows to skip"), query("limit", "Rows to return")],
            [json(200, "Page of workflows", S.ref("WorkflowList")), invalid]),
        operation(
            "POST", "/workflows", "Create a workflow (graph validated)", tag: "workflows", body: (S.ref("WorkflowCreate"), true),
            [
                (201, Answer.json("Created", S.ref("Workflow")).linking(workflowRoutes, parameters: ["workflow_id": "id"])),
                (400, error("Duplicate name or invalid graph")), invalid,
                (503, error("Code check unavailable")),
            ]),
        operation(
            "GET", "/workflows/{workflow_id}", "One workflow", tag: "workflows", parameters: [id("workflow_id", "workflow")],
            [json(200, "Workflow", S.ref("Workflow")), notFound("Workflow"), invalid]),
        operation(
            "PUT", "/workflows/{workflow_id}", "Update a workflow; absent or null fields stay", tag: "workflows",
            parameters: [id("workflow_id", "workflow")],
            body: (S.ref("WorkflowUpdate"), true),
            [
                json(200, "Updated", S.ref("Workflow")), (400, error("Duplicate name or invalid graph")), notFound("Workflow"), invalid,
                (503, error("Code check unavailable")),
            ]),
        operation(
            "DELETE", "/workflows/{workflow_id}", "Delete a workflow with its executions", tag: "workflows",
            parameters: [id("workflow_id", "workflow")],
            [json(200, "Deleted", S.ref("Message")), notFound("Workflow"), invalid]),
        operation(
            "POST", "/workflows/{workflow_id}/execute", "Queue an execution; poll the task", tag: "workflows",
            parameters: [id("workflow_id", "workflow")],
            body: (S.ref("ExecuteRequest"), false),
            [
                (202, Answer.json("Queued", S.ref("ExecuteAccepted")).linking([("GET", "/tasks/{task_id}")], parameters: ["task_id": "task_id"])),
                (400, error("Invalid graph")), (404, error("Workflow or client not found")), invalid,
                (503, error("Queue or code check unavailable, or MAX_QUEUED_EXECUTIONS executions already waiting (with Retry-After)")),
            ]),
    ]

    static let executionOperations: [OpenAPIOperation] = [
        operation(
            "GET", "/tasks/{task_id}", "State of a queued execution (unknown ids are PENDING)", tag: "executions",
            parameters: [Parameter("task_id", in: .path, S.string(), "Task id returned by execute")],
            [json(200, "Task state", S.ref("TaskStatus")), (503, error("Task store unavailable"))]),
        operation(
            "GET", "/executions", "List executions, newest first", tag: "executions",
            parameters: [
                query("workflow_id", "Only this workflow (0: all)"), Parameter("status", in: .query, S.string(), "Only this status (exact)"),
                query("skip", "Rows to skip"), query("limit", "Rows to return"),
                query("before_id", "Only executions with a smaller id: the next page after the last id seen; total ignores it"),
                Parameter("include_result", in: .query, S.boolean, "false: result is null in every item (default true)"),
            ], [json(200, "Page of executions", S.ref("ExecutionList")), invalid]),
        operation(
            "GET", "/executions/{execution_id}", "One execution", tag: "executions", parameters: [id("execution_id", "execution")],
            [json(200, "Execution", S.ref("Execution")), notFound("Execution"), invalid]),
        operation(
            "GET", "/executions/{execution_id}/chain", "Chain of work: one entry per node, steps in creation order", tag: "executions",
            parameters: [id("execution_id", "execution")], [json(200, "Chain", S.ref("Chain")), notFound("Execution"), invalid]),
        operation(
            "POST", "/executions/{execution_id}/cancel", "Request cancellation of an unfinished execution", tag: "executions",
            parameters: [id("execution_id", "execution")],
            [json(202, "Requested", S.ref("CancelAccepted")), notFound("Execution"), (409, error("Already finished")), invalid]),
    ]
}
