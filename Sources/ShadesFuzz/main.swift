// Fuzzing entry points. Built with `scripts/fuzz.sh` (`-sanitize=fuzzer,address -D FUZZING
// -parse-as-library`), libFuzzer drives `LLVMFuzzerTestOneInput`, and SHADES_FUZZ_TARGET picks
// the target. Built normally, this is the regression runner: `shades-fuzz TARGET FILE...` runs
// saved inputs (the crashes that were found and fixed) through the same code.

#if FUZZING
import Foundation

private let target: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["SHADES_FUZZ_TARGET"] ?? "analyzer"
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError("SHADES_FUZZ_TARGET must be one of \(FuzzTarget.allCases.map(\.rawValue))")
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    target.run(UnsafeBufferPointer(start: size == 0 ? nil : data, count: size))
    return 0
}
#else
import Foundation

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
#endif
