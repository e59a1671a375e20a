import Foundation

/// Messages on standard error, prefixed with the program name as grep does.
enum Diagnostics {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("shades: \(message)\n".utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("shades: warning: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data("shades: note: \(message)\n".utf8))
    }
}
