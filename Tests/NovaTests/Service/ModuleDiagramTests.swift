import Foundation
import Testing

/// docs/architecture.md opens with the module graph; it must be the graph `Package.swift` declares.
@Suite("Module diagram")
struct ModuleDiagramTests {
    @Test("the arrows of docs/architecture.md are exactly the project dependencies of Package.swift's source targets")
    func diagramMatchesPackage() throws {
        let package = try String(contentsOf: TestEnvironment.repository.appendingPathComponent("Package.swift"), encoding: .utf8)
        let architecture = try String(
            contentsOf: TestEnvironment.repository.appendingPathComponent("docs/architecture.md"), encoding: .utf8)
        let declared = Self.sourceTargets(of: package)
        #expect(declared.count >= 10)
        #expect(Self.diagram(in: architecture) == declared)
    }

    /// Target name → the project targets it depends on, for every Swift target under `Sources` (not the C system
    /// libraries, benchmarks or tests).
    private static func sourceTargets(of package: String) -> [String: Set<String>] {
        var targets: [String: Set<String>] = [:]
        let declarations = package.components(separatedBy: "\n        .").dropFirst()
        for declaration in declarations where declaration.hasPrefix("target(") || declaration.hasPrefix("executableTarget(") {
            guard !declaration.contains("path: ") else { continue }
            guard let name = firstMatch(#"name: "(\w+)""#, in: declaration) else { continue }
            var dependencies = Set<String>()
            if let list = declaration.range(of: "dependencies: [") {
                let rest = declaration[list.upperBound...]
                let body = rest[..<(rest.firstIndex(of: "]") ?? rest.endIndex)]
                for line in body.split(separator: "\n") {
                    let local = line.replacingOccurrences(of: #"\.product\([^)]*\),?"#, with: "", options: .regularExpression)
                    dependencies.formUnion(allMatches(#""(\w+)""#, in: local))
                }
            }
            targets[name] = dependencies
        }
        return targets
    }

    /// Target name → dependencies, from the lines `A ──▶ B, C` of the ```modules block.
    private static func diagram(in markdown: String) -> [String: Set<String>] {
        guard let start = markdown.range(of: "```modules\n") else { return [:] }
        let block = markdown[start.upperBound...]
        let body = block[..<(block.range(of: "```")?.lowerBound ?? block.endIndex)]
        var targets: [String: Set<String>] = [:]
        for line in body.split(separator: "\n") {
            let sides = line.components(separatedBy: "──▶")
            guard sides.count == 2 else { continue }
            let dependencies = sides[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            targets[sides[0].trimmingCharacters(in: .whitespaces)] = Set(dependencies)
        }
        return targets
    }

    private static func firstMatch(_ pattern: String, in text: String) -> String? {
        allMatches(pattern, in: text).first
    }

    private static func allMatches(_ pattern: String, in text: String) -> [String] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
