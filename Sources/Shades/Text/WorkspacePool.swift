import FoundationEssentials

/// Hands out `TextWorkspace`s so that concurrent analyses never share ICU iterators: an
/// analysis checks one out, uses it on its own thread and returns it. Opening iterators costs
/// microseconds, so workspaces are kept for reuse rather than made per call.
final class WorkspacePool: Sendable {
    private let idle = Lock<[TextWorkspace]>([])

    private static let idleLimit = 2 * ProcessInfo.processInfo.activeProcessorCount
    private static let largestKeptTokenCapacity = 1 << 16

    init() {}

    func withWorkspace<Result>(_ body: (TextWorkspace) throws -> Result) rethrows -> Result {
        let workspace = idle.withLock { $0.popLast() } ?? TextWorkspace()
        defer {
            // Keep a few workspaces for reuse, and none that grew for an unusually long text.
            if workspace.text.tokens.capacity <= Self.largestKeptTokenCapacity {
                idle.withLock { if $0.count < Self.idleLimit { $0.append(workspace) } }
            }
        }
        return try body(workspace)
    }
}
