// The README's "Using the library from another Swift service" example, compiled and run here
// so it cannot go stale.
import Hummingbird
import HummingbirdTesting
import Shades
import Testing

/// A journaling app's route that flags all-or-nothing phrasing in an entry before saving it.
func addJournalRoutes(to router: Router<BasicRequestContext>) throws {
    let analyzer = try Analyzer()   // built once, shared by every request
    router.post("/entries") { request, context -> String in
        let entry = try await String(buffer: request.body.collect(upTo: 1 << 20))
        let analysis = analyzer.analyze(entry)
        let phrases = analysis.findings.filter { $0.category != .safety }.map(\.match)
        return phrases.isEmpty ? "saved" : "saved; you might look again at: \(phrases.joined(separator: ", "))"
    }
}

@Test func theReadmeServiceExampleWorks() async throws {
    let router = Router(context: BasicRequestContext.self)
    try addJournalRoutes(to: router)
    try await Application(router: router).test(.router) { client in
        try await client.execute(uri: "/entries", method: .post, body: ByteBuffer(string: "Nobody ever listens.")) { response in
            #expect(String(buffer: response.body) == "saved; you might look again at: Nobody ever")
        }
    }
}
