import Foundation

/// A line chart as inline SVG: one line per series over the periods of a trend, with axes,
/// grid lines, a legend and a tooltip (`<title>`) on every point.
struct TrendChart {
    struct Series {
        let name: String
        let color: String
        let values: [Double]
    }

    let title: String
    let unit: String
    let periods: [String]
    /// Where each period sits on the time axis (consecutive periods differ by 1), so gaps
    /// without entries keep their width.
    let positions: [Int]
    let series: [Series]
    var width = 880.0
    var height = 280.0

    func svg() -> String {
        let left = 56.0, right = 36.0, top = 16.0, bottom = 48.0
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        let maximum = Self.niceCeiling(series.flatMap(\.values).max() ?? 0)
        let first = positions.first ?? 0
        let span = Double((positions.last ?? 0) - first)
        func x(_ index: Int) -> Double {
            span == 0 ? left + plotWidth / 2 : left + plotWidth * Double(positions[index] - first) / span
        }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - value / maximum) }
        var svg = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title>\(HTML.escape(title))</title>"
        for step in 0...4 {
            let value = maximum * Double(step) / 4
            let lineY = Self.format(y(value))
            svg += "<line class=\"grid\" x1=\"\(Self.format(left))\" x2=\"\(Self.format(width - right))\" y1=\"\(lineY)\" y2=\"\(lineY)\"/>"
            svg += "<text class=\"axis\" x=\"\(Self.format(left - 8))\" y=\"\(lineY)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(Self.label(value))</text>"
        }
        // Labels at least 70 units apart, the last one always shown.
        var lastLabel = -Double.infinity
        for (index, period) in periods.enumerated() {
            let isLast = index == periods.count - 1
            guard x(index) - lastLabel >= 70 || (isLast && x(index) - lastLabel >= 45) else { continue }
            lastLabel = x(index)
            svg += "<text class=\"axis\" x=\"\(Self.format(x(index)))\" y=\"\(Self.format(height - bottom + 20))\" text-anchor=\"middle\">\(HTML.escape(period))</text>"
        }
        svg += "<text class=\"axis\" x=\"\(Self.format(left))\" y=\"\(Self.format(height - 6))\">\(HTML.escape(unit))</text>"
        for line in series {
            let points = line.values.enumerated().map { "\(Self.format(x($0.offset))),\(Self.format(y($0.element)))" }
            svg += "<g class=\"series\" data-series=\"\(HTML.escape(line.name))\">"
            if points.count > 1 {
                svg += "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2.5\" stroke-linejoin=\"round\" points=\"\(points.joined(separator: " "))\"/>"
            }
            for (index, value) in line.values.enumerated() {
                svg += "<circle cx=\"\(Self.format(x(index)))\" cy=\"\(Self.format(y(value)))\" r=\"3.5\" fill=\"\(line.color)\">"
                svg += "<title>\(HTML.escape(line.name)), \(HTML.escape(periods[index])): \(Self.label(value))</title></circle>"
            }
            svg += "</g>"
        }
        svg += "</svg>"
        if series.count > 1 {
            svg += "<ul class=\"legend\">" + series.map {
                "<li><span class=\"swatch\" style=\"background:\($0.color)\"></span>\(HTML.escape($0.name))</li>"
            }.joined() + "</ul>"
        }
        return svg
    }

    /// 1, 2, 2.5 or 5 times a power of ten, at or above `value` (1 for zero).
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        let power = pow(10, floor(log10(value)))
        for step in [1.0, 2, 2.5, 5, 10] where step * power >= value * 1.05 || step == 10 {
            return step * power
        }
        return value
    }

    private static func label(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: value < 1 ? "%.2f" : "%.1f", value)
    }

    private static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
