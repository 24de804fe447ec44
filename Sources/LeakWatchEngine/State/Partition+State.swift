import LeakWatchIngest

extension Partition {
    func encode(into writer: inout BinaryWriter) {
        writer.write(UInt64(names.count))
        for name in names { writer.write(name) }
        writer.write(array: keyHashes.array)
        writer.write(array: dimensions.array)
        writer.write(array: lastEvaluated.array)
        writer.write(array: firstWindow.array)
        writer.write(array: reportedNew.array)
        writer.write(array: undeclaredRun.array)
        writer.write(array: episodeStart.array)
        writer.write(array: episodeMetric.array)
        writer.write(array: normalStreak.array)
        writer.write(array: ring.array.map(\.window))
        writer.write(array: ring.array.map(\.entry))
        writer.write(UInt64(ringSize))
        for position in 0..<ringSize {
            writer.write(array: pools[position].slots.array)
            writer.write(array: pools[position].values.array)
            writer.write(array: pools[position].contributors.array.map(\.hash))
            writer.write(array: pools[position].contributors.array.map(\.requests))
            writer.write(array: pools[position].contributors.array.map(\.bytes))
            writer.write(array: pools[position].contributors.array.map(\.records))
            writer.write(array: pools[position].extras.array)
        }
        writer.write(array: activeEpisodes)
        writer.write(array: keysPerDimension.map(Int64.init))
        writer.write(array: overflowEvents)
        writer.write(array: overflowWindow)
        writer.write(array: overflowValues)
        writer.write(array: baselines.hour.array)
        writer.write(array: baselines.hourSums.array)
        writer.write(array: baselines.hourSquares.array)
        writer.write(array: baselines.hourExcluded.array)
        writer.write(array: baselines.globalLevel.array)
        writer.write(array: baselines.globalVariance.array)
        writer.write(array: baselines.foldedHours.array)
        writer.write(array: baselines.activeHours.array)
        writer.write(array: baselines.peak.array)
        writer.write(array: baselines.hourMax.array)
        writer.write(array: baselines.hourActiveWindows.array)
        writer.write(array: baselines.activeFraction.array)
        writer.write(array: baselines.hourOfDayPeak.array)
        writer.write(array: baselines.excess.array)
        writer.write(array: baselines.excessAlarm.array)
        writer.write(array: baselines.excessHours.array)
        writer.write(array: baselines.referenceLevel.array)
        writer.write(array: baselines.referenceVariance.array)
        writer.write(array: baselines.seasonalRow.array)
        writer.write(array: baselines.level.array)
        writer.write(array: baselines.variance.array)
        writer.write(array: baselines.bucketSamples.array)
        writer.write(array: baselines.freeRows)
        writer.write(array: freeSlots)
        writer.write(array: retired.hashes)
        writer.write(array: retired.firstWindows)
        writer.write(UInt64(retired.next))
    }

    /// Restores what ``encode(into:)`` wrote into this freshly made (empty) partition.
    mutating func decode(from reader: inout BinaryReader) throws(StateError) {
        let count = Int(try reader.read(UInt64.self))
        var restoredNames: [String] = []
        for _ in 0..<count { restoredNames.append(try reader.readString()) }
        let hashes = try reader.readArray(of: UInt64.self, zero: 0)
        let dimensionCodes = try reader.readArray(of: UInt8.self, zero: 0)
        guard hashes.count == count, dimensionCodes.count == count,
              dimensionCodes.allSatisfy({ Dimension(rawValue: $0) != nil })
        else { throw StateError(path: reader.path, problem: "inconsistent key tables") }
        names = restoredNames
        table = KeyTable(capacity: max(64, count))
        for (slot, hash) in hashes.enumerated() where hash != 0 { table.insert(hash, slot: Int32(slot)) }
        keyHashes.append(contentsOf: hashes)
        dimensions.append(contentsOf: dimensionCodes)
        lastEvaluated.append(contentsOf: try reader.readArray(of: Int64.self, zero: 0))
        firstWindow.append(contentsOf: try reader.readArray(of: Int64.self, zero: 0))
        reportedNew.append(contentsOf: try reader.readArray(of: UInt8.self, zero: 0))
        undeclaredRun.append(contentsOf: try reader.readArray(of: Int64.self, zero: 0))
        episodeStart.append(contentsOf: try reader.readArray(of: Int64.self, zero: 0))
        episodeMetric.append(contentsOf: try reader.readArray(of: UInt8.self, zero: 0))
        normalStreak.append(contentsOf: try reader.readArray(of: Int32.self, zero: 0))
        let ringWindows = try reader.readArray(of: Int64.self, zero: 0)
        let ringEntries = try reader.readArray(of: Int32.self, zero: 0)
        guard ringWindows.count == ringEntries.count else {
            throw StateError(path: reader.path, problem: "inconsistent partition arrays")
        }
        ring.append(contentsOf: zip(ringWindows, ringEntries).map { RingSlot(window: $0, entry: $1) })
        guard Int(try reader.read(UInt64.self)) == ringSize else {
            throw StateError(path: reader.path, problem: "saved with a different window or lateness")
        }
        for position in 0..<ringSize {
            pools[position].slots.append(contentsOf: try reader.readArray(of: Int32.self, zero: 0))
            pools[position].values.append(contentsOf: try reader.readArray(of: Int64.self, zero: 0))
            let sketchHashes = try reader.readArray(of: UInt64.self, zero: 0)
            let sketchRequests = try reader.readArray(of: Int64.self, zero: 0)
            let sketchBytes = try reader.readArray(of: Int64.self, zero: 0)
            let sketchRecords = try reader.readArray(of: Int64.self, zero: 0)
            pools[position].extras.append(contentsOf: try reader.readArray(of: Int64.self, zero: 0))
            guard sketchRequests.count == sketchHashes.count, sketchBytes.count == sketchHashes.count,
                  sketchRecords.count == sketchHashes.count,
                  sketchHashes.count == pools[position].slots.count * ContributorSketch.width,
                  pools[position].values.count == pools[position].slots.count * Self.metrics,
                  pools[position].extras.count == pools[position].slots.count * WindowExtras.stride
            else { throw StateError(path: reader.path, problem: "inconsistent window pools") }
            for index in sketchHashes.indices {
                var entry = ContributorEntry()
                entry.hash = sketchHashes[index]
                entry.requests = sketchRequests[index]
                entry.bytes = sketchBytes[index]
                entry.records = sketchRecords[index]
                pools[position].contributors.append(entry)
            }
        }
        activeEpisodes = try reader.readArray(of: Int32.self, zero: 0)
        keysPerDimension = try reader.readArray(of: Int64.self, zero: 0).map(Int.init)
        overflowEvents = try reader.readArray(of: Int64.self, zero: 0)
        overflowWindow = try reader.readArray(of: Int64.self, zero: 0)
        overflowValues = try reader.readArray(of: Int64.self, zero: 0)
        baselines.hour.append(contentsOf: try reader.readArray(of: Int64.self, zero: 0))
        baselines.hourSums.append(contentsOf: try reader.readArray(of: Double.self, zero: 0))
        baselines.hourSquares.append(contentsOf: try reader.readArray(of: Double.self, zero: 0))
        baselines.hourExcluded.append(contentsOf: try reader.readArray(of: Int32.self, zero: 0))
        baselines.globalLevel.append(contentsOf: try reader.readArray(of: Double.self, zero: 0))
        baselines.globalVariance.append(contentsOf: try reader.readArray(of: Double.self, zero: 0))
        baselines.foldedHours.append(contentsOf: try reader.readArray(of: Int32.self, zero: 0))
        baselines.activeHours.append(contentsOf: try reader.readArray(of: Int32.self, zero: 0))
        baselines.peak.append(contentsOf: try reader.readArray(of: Double.self, zero: 0))
        baselines.hourMax.append(contentsOf: try reader.readArray(of: Double.self, zero: 0))
        baselines.hourActiveWindows.append(contentsOf: try reader.readArray(of: Int32.self, zero: 0))
        baselines.activeFraction.append(contentsOf: try reader.readArray(of: Double.self, zero: 0))
        baselines.hourOfDayPeak.append(contentsOf: try reader.readArray(of: Float.self, zero: 0))
        baselines.excess.append(contentsOf: try reader.readArray(of: Double.self, zero: 0))
        baselines.excessAlarm.append(contentsOf: try reader.readArray(of: UInt8.self, zero: 0))
        baselines.excessHours.append(contentsOf: try reader.readArray(of: Int32.self, zero: 0))
        baselines.referenceLevel.append(contentsOf: try reader.readArray(of: Double.self, zero: 0))
        baselines.referenceVariance.append(contentsOf: try reader.readArray(of: Double.self, zero: 0))
        baselines.seasonalRow.append(contentsOf: try reader.readArray(of: Int32.self, zero: 0))
        baselines.level.append(contentsOf: try reader.readArray(of: Float.self, zero: 0))
        baselines.variance.append(contentsOf: try reader.readArray(of: Float.self, zero: 0))
        baselines.bucketSamples.append(contentsOf: try reader.readArray(of: UInt16.self, zero: 0))
        baselines.freeRows = try reader.readArray(of: Int32.self, zero: 0)
        freeSlots = try reader.readArray(of: Int32.self, zero: 0)
        let retiredHashes = try reader.readArray(of: UInt64.self, zero: 0)
        let retiredWindows = try reader.readArray(of: Int64.self, zero: 0)
        let retiredNext = Int(try reader.read(UInt64.self))
        guard retiredHashes.count == retiredWindows.count, retiredHashes.count <= retired.capacity,
              freeSlots.allSatisfy({ $0 >= 0 && Int($0) < count && hashes[Int($0)] == 0 }),
              freeSlots.count == hashes.count(where: { $0 == 0 }),
              baselines.freeRows.allSatisfy({ $0 >= 0 && Int($0) < baselines.bucketSamples.count / BaselineStore.buckets })
        else { throw StateError(path: reader.path, problem: "inconsistent evicted keys") }
        retired = RetiredKeys(
            capacity: retired.capacity, hashes: retiredHashes, firstWindows: retiredWindows, next: retiredNext)
        guard ring.count == count * ringSize,
              firstWindow.count == count, reportedNew.count == count, undeclaredRun.count == count, episodeStart.count == count * Self.detectors,
              baselines.hour.count == count, baselines.seasonalRow.count == count,
              baselines.excess.count == count * 2, baselines.excessAlarm.count == count,
              baselines.excessHours.count == count, baselines.referenceLevel.count == count * 2,
              baselines.referenceVariance.count == count * 2,
              keysPerDimension.count == Dimension.allCases.count
        else { throw StateError(path: reader.path, problem: "inconsistent partition arrays") }
    }
}
