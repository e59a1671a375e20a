import Foundation
import Shades

/// Precision, recall and F1 of the analyzer on labelled items, computed exactly as
/// `shared/eval/score.py` does (figures rounded half-to-even to three decimals, macro-F1 the
/// mean of the rounded per-category F1s), plus per-rule hit counts.
struct Evaluation {
    struct Item {
        let id: String
        let source: String
        let labels: Set<Category>
        let predicted: Set<Category>
        let rules: Set<String>
    }

    struct Scores {
        var tp = 0, fp = 0, fn = 0
        var precision: Double { Evaluation.rounded(tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)) }
        var recall: Double { Evaluation.rounded(tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)) }
        var f1: Double {
            let p = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
            let r = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
            return Evaluation.rounded(p + r == 0 ? 0 : 2 * p * r / (p + r))
        }
    }

    struct RuleScore {
        let rule: String
        let category: Category
        var hits = 0
        var correct = 0
        var falsePositives: Int { hits - correct }
        var precision: Double { Evaluation.rounded(hits == 0 ? 0 : Double(correct) / Double(hits)) }
    }

    /// A category column: one of the four, or "any".
    enum Column: Hashable {
        case category(Category)
        case any
        var name: String {
            switch self {
            case .category(let category): category.rawValue
            case .any: "any"
            }
        }
        static let all: [Column] = Category.distortions.map { .category($0) } + [.any]
    }

    let items: [Item]
    let ruleCategories: [String: Category]

    /// Sources in sorted order, then "all".
    var groups: [String] { Set(items.map(\.source)).sorted() + ["all"] }

    func scores(for group: String) -> [Column: Scores] {
        var scores: [Column: Scores] = [:]
        for item in items where group == "all" || item.source == group {
            for column in Column.all {
                let gold: Bool
                let predicted: Bool
                switch column {
                case .category(let category):
                    gold = item.labels.contains(category)
                    predicted = item.predicted.contains(category)
                case .any:
                    gold = !item.labels.isEmpty
                    predicted = !item.predicted.isEmpty
                }
                if gold && predicted { scores[column, default: Scores()].tp += 1 }
                if predicted && !gold { scores[column, default: Scores()].fp += 1 }
                if gold && !predicted { scores[column, default: Scores()].fn += 1 }
            }
        }
        return scores
    }

    func macroF1(for group: String) -> Double {
        let scores = scores(for: group)
        return Self.rounded(Category.distortions.map { scores[.category($0)]?.f1 ?? 0 }.reduce(0, +) / 4)
    }

    /// Rules that fired at least once, the most false positives first.
    var ruleScores: [RuleScore] {
        var scores: [String: RuleScore] = [:]
        for item in items {
            for rule in item.rules {
                guard let category = ruleCategories[rule], category != .safety else { continue }
                scores[rule, default: RuleScore(rule: rule, category: category)].hits += 1
                if item.labels.contains(category) { scores[rule]!.correct += 1 }
            }
        }
        return scores.values.sorted { ($1.falsePositives, $0.rule) < ($0.falsePositives, $1.rule) }
    }

    /// Python's `round(value, 3)`: the exact binary value rounded half to even, as printf does.
    static func rounded(_ value: Double) -> Double {
        Double(String(format: "%.3f", value))!
    }
}
