import ArgumentParser
import Foundation
import Shades

extension Shades {
    /// `shades explain "text"`: why each phrase was flagged and how its severity was reached.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain each finding in a text: the rule and pattern, the modifiers and the severity; and what set aside the phrases a rule matched but did not report."
        )

        @Argument(help: "The text to explain; standard input when none is given.")
        var text: [String] = []

        @Flag(help: "Print one JSON object: the findings and stats as the filter writes them, and the set-aside matches with their reasons.")
        var json = false

        @OptionGroup var analyzerOptions: AnalyzerOptions

        func run() throws {
            let analyzer = try analyzerOptions.makeAnalyzer()
            let input = text.isEmpty
                ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                : text.joined(separator: " ")
            let explanation = analyzer.explain(input)
            if json {
                var writer = JSONWriter()
                explanation.writeJSON(to: &writer, text: input)
                writer.raw("\n")
                FileHandle.standardOutput.write(Data(writer.bytes))
                return
            }
            let analysis = explanation.analysis
            let rules = Dictionary(analyzer.rules.map { ($0.id, $0) }) { first, _ in first }
            var report = ""
            if analysis.findings.isEmpty {
                report += "Nothing was flagged.\n"
            }
            for finding in analysis.findings {
                guard let rule = rules[finding.rule] else { continue }
                report += "“\(finding.match)”: \(finding.category) (sentence \(finding.sentence + 1), characters \(finding.unicodeScalarRange.lowerBound)–\(finding.unicodeScalarRange.upperBound))\n"
                report += "  rule       \(rule.id) (\(rule.location))\n"
                report += "  pattern    \(finding.pattern)\n"
                report += "  message    \(finding.message)\n"
                report += "  perhaps    \(finding.suggestions.map { "“\($0)”" }.joined(separator: ", "))\n"
                for modifier in finding.modifiers {
                    report += "  modifier   \(modifier): \(modifier.explanation)\n"
                }
                report += "  severity   \(severitySteps(rule: rule, finding: finding))\n"
                report += "  source     \(rule.source)\n\n"
            }
            if !explanation.setAside.isEmpty {
                report += "Set aside (matched by a rule, then left out):\n"
                for match in explanation.setAside {
                    report += "“\(match.match)”: \(match.rule) (sentence \(match.sentence + 1))\n"
                    report += "  pattern    \(match.pattern)\n"
                    report += "  why        \(match.reason.explanation)\n"
                }
                report += "\n"
            }
            let statistics = analysis.statistics
            report += "\(statistics.words) words, \(statistics.absolutistWords) absolutist words, absolutist index \(String(format: "%.4f", statistics.absolutistIndex)), overall severity \(statistics.severity)\n"
            print(report, terminator: "")
        }

        private func severitySteps(rule: Rule, finding: Finding) -> String {
            var steps = "base \(rule.baseSeverity)"
            for modifier in finding.modifiers {
                let effect = modifier.severityEffect
                if effect.factor != 1 { steps += " × \(effect.factor) (\(modifier))" }
                if effect.addition != 0 { steps += " + \(effect.addition) (\(modifier))" }
            }
            return steps + " = \(finding.severity)"
        }
    }
}
