// Fuzzing entry points. Built by `scripts/fuzz.sh` (`-sanitize=fuzzer,address -DFUZZING
// -parse-as-library`), the program's main hands over to libFuzzer's driver, which calls
// `fuzzOneInput`, and SHADES_FUZZ_TARGET picks the target. Built normally, this is the regression runner:
// `shades-fuzz TARGET FILE...` runs saved inputs (the problems that were found and fixed)
// through the same code.
import Foundation

#if FUZZING
import CFuzzDriver

private let fuzzTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["SHADES_FUZZ_TARGET"] ?? "analyzer"
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError("SHADES_FUZZ_TARGET must be one of \(FuzzTarget.allCases.map(\.rawValue))")
    }
    return target
}()

private func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzzTarget.run(UnsafeBufferPointer(start: size == 0 ? nil : data, count: size))
    return 0
}

/// SwiftPM links an executable's main under this name.
@_cdecl("ShadesFuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) }
}
#else
@main
struct ReplayFuzzInputs {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("usage: shades-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE...\n".utf8))
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("shades-fuzz: \(path): cannot be read\n".utf8))
                exit(2)
            }
            Array(data).withUnsafeBufferPointer { target.run($0) }
        }
        print("\(arguments.count - 1) inputs ran clean through \(target.rawValue)")
    }
}
#endif
