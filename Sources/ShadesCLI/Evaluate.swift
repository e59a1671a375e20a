import ArgumentParser
import Foundation
import Shades

extension Shades {
    /// `shades evaluate LABELLED.jsonl`: scores the rules against labelled text.
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score the rules on labelled JSON Lines ({\"id\", \"text\", \"labels\": [...]}, optional \"source\").",
            discussion: "Prints precision, recall and F1 per category and for 'any of the four', macro-F1, and the rules with the most false positives. The figures equal shared/eval/score.py's on the same data."
        )

        @Argument(help: ArgumentHelp("Labelled items, one JSON object a line.", valueName: "LABELLED.jsonl"))
        var file: String

        @Flag(help: "Print one JSON object (the layout of score.py --json, plus \"rules\").")
        var json = false

        @OptionGroup var analyzerOptions: AnalyzerOptions

        func run() throws {
            let analyzer = try analyzerOptions.makeAnalyzer()
            let evaluation = Evaluation(
                items: try readItems(analyzer: analyzer),
                ruleCategories: Dictionary(analyzer.rules.map { ($0.id, $0.category) }) { first, _ in first })
            print(json ? jsonReport(evaluation) : textReport(evaluation), terminator: "")
        }

        private func readItems(analyzer: Analyzer) throws -> [Evaluation.Item] {
            guard let data = FileManager.default.contents(atPath: file) else {
                Diagnostics.error("\(file): cannot be read")
                throw ExitCode(2)
            }
            var items: [Evaluation.Item] = []
            for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
            where !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) {
                func fail(_ message: String) -> ExitCode {
                    Diagnostics.error("\(file):\(index + 1): \(message)")
                    return ExitCode(2)
                }
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                    throw fail("not a JSON object")
                }
                guard let text = object["text"] as? String else { throw fail("the item has no \"text\" string") }
                guard let id = object["id"].map({ "\($0)" }) else { throw fail("the item has no \"id\"") }
                guard let labelNames = object["labels"] as? [String] else { throw fail("the item has no \"labels\" list") }
                var labels: Set<Category> = []
                for name in labelNames {
                    guard let category = Category(rawValue: name), category != .safety else {
                        throw fail("unknown label '\(name)' (expected: \(Category.distortions.map(\.rawValue).joined(separator: ", ")))")
                    }
                    labels.insert(category)
                }
                let findings = analyzer.analyze(text).findings.filter { $0.category != .safety }
                items.append(Evaluation.Item(
                    id: id, source: object["source"] as? String ?? "unlabelled", labels: labels,
                    predicted: Set(findings.map(\.category)), rules: Set(findings.map(\.rule))))
            }
            return items
        }

        private func textReport(_ evaluation: Evaluation) -> String {
            var report = "items \(evaluation.items.count)\n"
            for group in evaluation.groups {
                let scores = evaluation.scores(for: group)
                report += "\n[\(group)]  macro-F1 \(format(evaluation.macroF1(for: group)))\n"
                report += "  " + pad("category", 20) + ["P", "R", "F1", "tp", "fp", "fn"].map { padLeft($0, 6) }.joined() + "\n"
                for column in Evaluation.Column.all {
                    let score = scores[column] ?? Evaluation.Scores()
                    report += "  " + pad(column.name, 20)
                        + [score.precision, score.recall, score.f1].map { padLeft(format($0), 6) }.joined()
                        + [score.tp, score.fp, score.fn].map { padLeft(String($0), 6) }.joined() + "\n"
                }
            }
            report += "\nrules by false positives (hits: items the rule flagged; precision: share whose labels include its category)\n"
            report += "  " + pad("rule", 52) + padLeft("hits", 6) + padLeft("fp", 6) + padLeft("P", 7) + "\n"
            for rule in evaluation.ruleScores {
                report += "  " + pad(rule.rule, 52) + padLeft(String(rule.hits), 6) + padLeft(String(rule.falsePositives), 6)
                    + padLeft(format(rule.precision), 7) + "\n"
            }
            return report
        }

        private func jsonReport(_ evaluation: Evaluation) -> String {
            var object: [String: Any] = ["items": evaluation.items.count, "missing": 0]
            for group in evaluation.groups {
                var groupObject: [String: Any] = ["macro_f1": evaluation.macroF1(for: group)]
                for (column, score) in evaluation.scores(for: group) {
                    groupObject[column.name] = [
                        "precision": score.precision, "recall": score.recall, "f1": score.f1,
                        "tp": score.tp, "fp": score.fp, "fn": score.fn,
                    ] as [String: Any]
                }
                for column in Evaluation.Column.all where groupObject[column.name] == nil {
                    groupObject[column.name] = ["precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 0] as [String: Any]
                }
                object[group] = groupObject
            }
            object["rules"] = evaluation.ruleScores.map {
                ["rule": $0.rule, "category": $0.category.rawValue, "hits": $0.hits, "falsePositives": $0.falsePositives,
                 "precision": $0.precision] as [String: Any]
            }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self) + "\n"
        }

        private func format(_ value: Double) -> String { String(format: "%.3f", value) }
        private func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
        }
        private func padLeft(_ text: String, _ width: Int) -> String {
            text.count >= width ? " " + text : String(repeating: " ", count: width - text.count) + text
        }
    }
}
