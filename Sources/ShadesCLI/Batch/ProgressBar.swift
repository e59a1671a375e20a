import Foundation

/// A one-line progress bar on standard error (only when it is a terminal): entries done,
/// percentage of the input's bytes and the time left.
final class ProgressBar {
    private let totalBytes: Int
    private let isEnabled: Bool
    private let start = Date()
    private var lastDrawn = Date.distantPast
    private var drawn = false

    init(totalBytes: Int, isEnabled: Bool) {
        self.totalBytes = max(totalBytes, 1)
        self.isEnabled = isEnabled
    }

    func update(entries: Int, bytes: Int) {
        guard isEnabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= 0.1 else { return }
        lastDrawn = now
        let fraction = min(Double(bytes) / Double(totalBytes), 1)
        let width = 24
        let filled = Int(fraction * Double(width))
        let elapsed = now.timeIntervalSince(start)
        var eta = ""
        if fraction > 0.02 && elapsed > 1 {
            let left = Int(elapsed / fraction - elapsed)
            eta = String(format: ", about %d:%02d left", left / 60, left % 60)
        }
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = "\r\(bar) \(String(format: "%3d", Int(fraction * 100)))%  \(BatchSummary.grouped(entries)) entries\(eta)\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    /// Clears the bar so the next message starts on a clean line.
    func finish() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }
}
