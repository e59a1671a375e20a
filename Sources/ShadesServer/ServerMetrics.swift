import Prometheus
import Shades

/// The service's Prometheus metrics: requests by route and status, request latency, bytes
/// analysed and findings by category.
public struct ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    public init() {}

    func recordRequest(method: String, route: String, status: Int, duration: Duration) {
        registry.makeCounter(
            name: "shades_http_requests_total",
            labels: [("method", method), ("route", route), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            name: "shades_http_request_duration_seconds", labels: [("route", route)], buckets: buckets
        ).recordNanoseconds(duration.nanoseconds)
    }

    func recordAnalysis(bytes: Int, analysis: Analysis) {
        registry.makeCounter(name: "shades_analyzed_bytes_total").increment(by: Int64(bytes))
        for finding in analysis.findings {
            registry.makeCounter(name: "shades_findings_total", labels: [("category", finding.category.rawValue)]).increment()
        }
    }

    /// All metrics in the Prometheus text exposition format.
    func exposition() -> [UInt8] {
        registry.emitToBuffer()
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
