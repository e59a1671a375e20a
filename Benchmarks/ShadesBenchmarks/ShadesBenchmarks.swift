import Benchmark
import Foundation
import Shades
import ShadesFilter

/// Journal-like sentences, written for the benchmarks: some flagged, most not.
private let sentences = [
    "Walked by the river after work and watched the herons.",
    "I always mess up the important conversations.",
    "Made soup with the last of the carrots, and it was good.",
    "Nobody ever calls me back.",
    "The train was late again, so I read on the platform for a while.",
    "I should have stayed home instead of going to the party.",
    "Called Mum; she is feeling better after the flu.",
    "I'm such an idiot for forgetting her birthday.",
    "Spent the afternoon sorting the garden shed with Priya.",
    "It's not always this hard, and sometimes it is easy.",
]

/// About `bytes` bytes of journal text.
private func journalText(bytes: Int) -> String {
    var text = ""
    var index = 0
    while text.utf8.count < bytes {
        text += sentences[index % sentences.count] + (index % 5 == 4 ? "\n" : " ")
        index += 1
    }
    return text
}

let benchmarks: @Sendable () -> Void = {
    // Allocation counts are deterministic, so CI gates on them (`thresholds check`, 2% slack);
    // wall-clock time is reported, never asserted.
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        maxDuration: .seconds(2), maxIterations: 10_000,
        thresholds: [.mallocCountTotal: .init(relative: [.p90: 2.0])])

    let analyzer = try! Analyzer()
    let sentence = sentences[1]
    let entry = journalText(bytes: 1_000)
    let longText = journalText(bytes: 100_000)

    Benchmark("Tokenizer-1KB") { benchmark in
        var bytes = Array(entry.utf8)
        for _ in benchmark.scaledIterations {
            blackHole(bytes.withUnsafeBufferPointer { analyzer.tokenCount(utf8: $0) })
        }
        bytes.removeAll()
    }

    // Word and sentence boundaries alone, by the tokenizer's two paths: ICU, and the common-text
    // breaker that reads ASCII and typographic punctuation without it.
    Benchmark("Breaks-ICU-100KB", configuration: .init(metrics: [.wallClock, .throughput], maxIterations: 200)) { benchmark in
        var bytes = Array(longText.utf8)
        for _ in benchmark.scaledIterations {
            blackHole(bytes.withUnsafeBufferPointer { TextBreaks.icu($0) })
        }
        bytes.removeAll()
    }

    Benchmark("Breaks-common-text-100KB", configuration: .init(metrics: [.wallClock, .throughput], maxIterations: 200)) { benchmark in
        var bytes = Array(longText.utf8)
        for _ in benchmark.scaledIterations {
            blackHole(bytes.withUnsafeBufferPointer { TextBreaks.common($0) })
        }
        bytes.removeAll()
    }

    Benchmark("Analyzer-sentence") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(analyzer.analyze(sentence)) }
    }

    Benchmark("Analyzer-1KB-entry") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(analyzer.analyze(entry)) }
    }

    Benchmark("Analyzer-100KB", configuration: .init(maxIterations: 200)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(analyzer.analyze(longText)) }
    }

    Benchmark("Lexicon-compilation", configuration: .init(maxIterations: 50)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try! Analyzer()) }
    }

    // The filter's record loop: 1,000 JSON Lines records read, analysed and written as JSON.
    let records = (0..<1_000).map { index in
        "{\"id\": \(index), \"text\": \"\(sentences[index % sentences.count])\"}\n"
    }.joined()
    // One fixed name, rewritten by every run, so runs leave nothing else behind.
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("shades-benchmark-records.jsonl").path
    FileManager.default.createFile(atPath: path, contents: Data(records.utf8))
    let pipeline = RecordPipeline(
        analyzer: analyzer, input: .jsonl, textField: "text", formatter: OutputFormat.jsonl.makeFormatter(colored: false),
        onlyFlagged: false)

    Benchmark("Filter-record-loop-1000-records", configuration: .init(maxIterations: 200)) { benchmark in
        for _ in benchmark.scaledIterations {
            let descriptor = open(path, O_RDONLY)
            let reader = RecordReader(descriptor: descriptor, mode: .lines, maxRecordBytes: 1 << 20, overlong: .skip)
            var number = 0
            var written = 0
            while let record = try! reader.next(onSplit: { _ in }) {
                number += 1
                switch pipeline.process(NumberedRecord(record: record, number: number), name: "bench", maxRecordBytes: 1 << 20) {
                case .analysed(_, let bytes), .failed(_, let bytes): written += bytes.count
                }
            }
            close(descriptor)
            blackHole(written)
        }
    }
}
