import NovaCore
import NovaJSON
import Testing

@Suite("Context merge")
struct ContextMergeTests {
    @Test("updates add and overwrite keys, never remove them, and drop underscore keys")
    func merge() {
        let merged = ContextMerge.merge(
            ["x": 2, "y": "new", "_analyzed_keys": .object(["x": true])], into: ["x": 1, "keep": true, "_analyzed_keys": .object([:])])
        #expect(merged == ["x": 2, "y": "new", "keep": true, "_analyzed_keys": .object([:])])
    }

    @Test("the initial context gets the credentials and an empty _analyzed_keys unless given")
    func initial() {
        let context = ContextMerge.initial(["email_user": "caller", "n": 1], credentials: ["email_user": "client@example.com"])
        #expect(context == ["email_user": "client@example.com", "n": 1, "_analyzed_keys": .object([:])])
        #expect(ContextMerge.initial(["_analyzed_keys": .object(["a": true])], credentials: [:]) == ["_analyzed_keys": .object(["a": true])])
    }

    @Test("Python list text quotes like repr")
    func pythonList() {
        #expect(PythonListText.render([]) == "[]")
        #expect(PythonListText.render(["a", "it's", #"back\slash"#, "both'\"", "line\n"]) == #"['a', "it's", 'back\\slash', 'both\'"', 'line\n']"#)
    }
}
