import Foundation
import LeakWatchGenerator
import Testing

@Suite struct DeterminismTests {
    private func contents(_ run: GeneratedRun) throws -> [Data] {
        try run.result.files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
    }

    @Test func sameSeedGivesByteIdenticalFiles() throws {
        let first = try GeneratedRun.make(days: 3, seed: 11, rate: 0.05, warmupDays: 1)
        let second = try GeneratedRun.make(days: 3, seed: 11, rate: 0.05, warmupDays: 1)
        defer {
            first.remove()
            second.remove()
        }
        let names = { (run: GeneratedRun) in run.result.files.map { ($0 as NSString).lastPathComponent } }
        #expect(names(first) == names(second))
        #expect(try contents(first) == contents(second))
        #expect(first.result.accessEvents == second.result.accessEvents)
        #expect(first.result.rawBytes == second.result.rawBytes)
    }

    @Test func differentSeedGivesDifferentFiles() throws {
        let first = try GeneratedRun.make(days: 3, seed: 11, rate: 0.05, warmupDays: 1)
        let second = try GeneratedRun.make(days: 3, seed: 12, rate: 0.05, warmupDays: 1)
        defer {
            first.remove()
            second.remove()
        }
        let a = try contents(first)
        let b = try contents(second)
        #expect(a.count == b.count)
        for (left, right) in zip(a, b) {
            #expect(left != right)
        }
    }

    @Test func resultMatchesTheFiles() throws {
        let run = try Fixtures.oneDay.get()
        let result = run.run.result
        #expect(result.files.count == 3)
        #expect(result.files.last == run.run.labelsPath)
        #expect(result.files.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        #expect(result.accessEvents == Int64(run.allAccess.count))
        #expect(result.exportEvents == Int64(run.allExports.count))
        var raw: Int64 = 0
        var compressed: Int64 = 0
        for path in run.run.accessFiles + run.run.exportFiles {
            raw += try GeneratedRun.lines(of: path).reduce(0) { $0 + Int64($1.utf8.count) + 1 }
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            compressed += (attributes[.size] as? NSNumber)?.int64Value ?? 0
        }
        #expect(result.rawBytes == raw)
        #expect(result.compressedBytes == compressed)
        #expect(result.incidents == run.incidents.count)
    }

    @Test func filesAreNamedByDay() throws {
        let run = try Fixtures.fourDays.get()
        let names = run.run.result.files.map { ($0 as NSString).lastPathComponent }
        #expect(names == [
            "access-20260302.jsonl.zst", "export-20260302.jsonl.zst", "access-20260303.jsonl.zst",
            "export-20260303.jsonl.zst", "access-20260304.jsonl.zst", "export-20260304.jsonl.zst",
            "access-20260305.jsonl.zst", "export-20260305.jsonl.zst", "labels.json",
        ])
        #expect(run.run.accessFiles.allSatisfy { $0.hasPrefix(run.run.options.outputDirectory + "/logs/") })
    }
}
