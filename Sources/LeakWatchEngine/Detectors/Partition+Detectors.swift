/// The detectors, each a pure function of one closed window of one key, its baselines and the configuration.
extension Partition {
    /// `volume_spike` (requests, records, bytes), `synthetic_volume` (synthetic records) and `auth_failures`
    /// (401/403 per endpoint and source): spike rules against the seasonal expectation. Volume and synthetic
    /// spikes must also exceed the key's recent peak, so recurring bulk jobs are not spikes.
    mutating func findSpikes(
        slot: Int, values: UnsafeMutablePointer<Int64>, hour: Int64, bucket: Int, dimension: Dimension
    ) {
        let spike = configuration.volumeSpike
        if spike.enabled {
            var best: Finding?
            for metric in [Metric.requests, .records, .bytes] {
                guard let rule = spike.rule(for: metric),
                      let finding = judgeSpike(
                        .volumeSpike, rule: rule, metric: metric, slot: slot, values: values, hour: hour,
                        bucket: bucket, peakRatio: spike.minPeakRatio)
                else { continue }
                if best == nil || finding.score > best!.score { best = finding }
            }
            if let best { findings.append(best) }
        }
        let synthetic = configuration.synthetic
        if synthetic.volumeEnabled {
            let rule = SpikeRule(threshold: synthetic.threshold, minRatio: synthetic.minRatio,
                                 floor: synthetic.minSyntheticRecords)
            if let finding = judgeSpike(
                .syntheticVolume, rule: rule, metric: .syntheticRecords, slot: slot, values: values, hour: hour,
                bucket: bucket, peakRatio: spike.minPeakRatio)
            {
                findings.append(finding)
            }
        }
        let auth = configuration.authFailures
        if auth.enabled && (dimension == .endpoint || dimension == .sourceIP || dimension == .sourceNetwork) {
            let rule = SpikeRule(threshold: auth.threshold, minRatio: auth.minRatio, floor: auth.minFailures)
            if let finding = judgeSpike(
                .authFailures, rule: rule, metric: .authFailures, slot: slot, values: values, hour: hour,
                bucket: bucket, peakRatio: 0)
            {
                findings.append(finding)
            }
        }
    }

    private func judgeSpike(
        _ detector: DetectorKind, rule: SpikeRule, metric: Metric, slot: Int, values: UnsafeMutablePointer<Int64>,
        hour: Int64, bucket: Int, peakRatio: Double
    ) -> Finding? {
        let observed = Double(values[metric.rawValue])
        // Cheap rejection first: most windows are below the absolute floor.
        guard observed >= rule.floor else { return nil }
        let expectation = baselines.expectation(slot: slot, bucket: bucket, metric: metric.rawValue)
        let verdict = rule.judge(metric: metric, observed: observed, mean: expectation.mean,
                                 variance: expectation.variance)
        guard verdict.anomalous else { return nil }
        if peakRatio > 0 && observed <= peakRatio * baselines.recentPeak(slot: slot, metric: metric.rawValue, hour: hour) {
            return nil
        }
        return Finding(detector: detector, metric: metric, expected: expectation.mean, lower: verdict.lower,
                       upper: verdict.upper, score: verdict.score)
    }

    /// `synthetic_volume`, share form: the synthetic share of a flow jumps far above its usual share.
    mutating func findSyntheticShift(slot: Int, values: UnsafeMutablePointer<Int64>, bucket: Int) {
        let synthetic = configuration.synthetic
        guard synthetic.volumeEnabled, !findings.contains(where: { $0.detector == .syntheticVolume }) else { return }
        let records = Double(values[Metric.records.rawValue])
        guard records >= synthetic.minRecordsForShare else { return }
        let share = Double(values[Metric.syntheticRecords.rawValue]) / records
        let expectedSynthetic = baselines.expectation(slot: slot, bucket: bucket, metric: Metric.syntheticRecords.rawValue)
        let expectedRecords = baselines.expectation(slot: slot, bucket: bucket, metric: Metric.records.rawValue)
        let usual = min(1, max(0, expectedSynthetic.mean / max(expectedRecords.mean, 1)))
        guard share - usual >= synthetic.shareJump else { return }
        findings.append(Finding(
            detector: .syntheticVolume, metric: .syntheticRecords, expected: usual * records, lower: 0,
            upper: (usual + synthetic.shareJump) * records, score: (share - usual) * 10))
    }

    /// `provenance_missing`: a principal, endpoint or principal x endpoint flow that (nearly) always declared
    /// provenance stops declaring it;
    /// or a configured AI-integration principal sends undeclared traffic.
    mutating func findMissingProvenance(slot: Int, values: UnsafeMutablePointer<Int64>, dimension: Dimension) {
        let provenance = configuration.provenance
        // Per principal x endpoint too: an AI integration often declares on its writes only, so its principal as a
        // whole is mixed while each of its write flows always declares.
        guard provenance.enabled, dimension == .principal || dimension == .endpoint || dimension == .principalEndpoint
        else { return }
        let requests = Double(values[Metric.requests.rawValue])
        let declared = Double(values[Metric.declared.rawValue])
        guard requests > 0 else { return }
        if dimension == .principal && aiPrincipals.contains(keyHashes[slot]) {
            if declared < requests {
                findings.append(Finding(
                    detector: .provenanceMissing, metric: .declared, expected: requests, lower: requests,
                    upper: requests, score: (requests - declared) / requests * 10))
            }
            return
        }
        // Undeclared requests are counted in a row across windows, so a slow flow (a few writes a minute) that
        // stops declaring is caught once enough of its requests went out undeclared.
        let share = declared / requests
        if share < provenance.currentShareBelow {
            undeclaredRun[slot] &+= Int64(requests - declared)
        } else {
            undeclaredRun[slot] = 0
            return
        }
        guard Double(undeclaredRun[slot]) >= provenance.minRequests else { return }
        let usualRequests = baselines.globalLevel[slot * Self.metrics + Metric.requests.rawValue]
        let usualDeclared = baselines.globalLevel[slot * Self.metrics + Metric.declared.rawValue]
        guard usualRequests > 0 else { return }
        let usual = min(1, usualDeclared / usualRequests)
        guard usual >= provenance.usualShare else { return }
        findings.append(Finding(
            detector: .provenanceMissing, metric: .declared, expected: usual * requests,
            lower: provenance.currentShareBelow * requests, upper: requests, score: (usual - share) * 10))
    }

    /// `off_hours_bulk`: a principal moves a bulk volume at an hour of day where it is normally (almost) never
    /// active.
    mutating func findOffHoursBulk(
        slot: Int, values: UnsafeMutablePointer<Int64>, hour: Int64, bucket: Int, dimension: Dimension
    ) {
        let offHours = configuration.offHours
        guard offHours.enabled, dimension == .principal,
              baselines.foldedHours[slot] >= Int32(clamping: offHours.minimumHistoryHours)
        else { return }
        let records = Double(values[Metric.records.rawValue])
        let bytes = Double(values[Metric.bytes.rawValue])
        guard records >= offHours.minRecords || bytes >= offHours.minBytes else { return }
        guard let usualHere = baselines.usualActivity(slot: slot, bucket: bucket, metric: Metric.requests.rawValue)
        else { return }
        let overall = baselines.globalLevel[slot * Self.metrics + Metric.requests.rawValue]
        guard overall > 0, usualHere < offHours.usualShareBelow * overall else { return }
        let metric: Metric = records >= offHours.minRecords ? .records : .bytes
        let expected = baselines.expectation(slot: slot, bucket: bucket, metric: metric.rawValue).mean
        findings.append(Finding(
            detector: .offHoursBulk, metric: metric, expected: expected, lower: 0,
            upper: metric == .records ? offHours.minRecords : offHours.minBytes,
            score: (1 - usualHere / overall) * 10))
    }

    /// `new_entity`: a principal, destination, principal x endpoint pair or principal x source network first seen
    /// after the engine's warm-up that moves a meaningful volume while it is still new.
    mutating func findNewEntity(
        slot: Int, values: UnsafeMutablePointer<Int64>, window: Int64, engineStart: Int64, dimension: Dimension
    ) {
        let newEntity = configuration.newEntity
        guard newEntity.enabled, reportedNew[slot] == 0,
              dimension == .principal || dimension == .destination || dimension == .principalEndpoint
                || dimension == .principalSourceNetwork
        else { return }
        let first = firstWindow[slot]
        let warmupMillis = Int64(configuration.baseline.warmupHours) * SeasonalCalendar.hourMillis
        guard first * windowMillis - engineStart >= warmupMillis,
              (window - first) * windowMillis < Int64(newEntity.newForMinutes) * 60_000
        else { return }
        let requests = Double(values[Metric.requests.rawValue])
        let records = Double(values[Metric.records.rawValue])
        guard requests >= newEntity.minRequests || records >= newEntity.minRecords else { return }
        let metric: Metric = records >= newEntity.minRecords ? .records : .requests
        reportedNew[slot] = 1
        findings.append(Finding(
            detector: .newEntity, metric: metric, expected: 0, lower: 0,
            upper: metric == .records ? newEntity.minRecords : newEntity.minRequests,
            score: metric == .records ? records / newEntity.minRecords : requests / newEntity.minRequests))
    }

    /// `synthetic_destination`: synthetic records exported to a destination that never received any before (or
    /// that is not on the configured allow-list).
    mutating func findSyntheticDestination(slot: Int, values: UnsafeMutablePointer<Int64>, dimension: Dimension) {
        let synthetic = configuration.synthetic
        guard synthetic.destinationEnabled, dimension == .destination else { return }
        let observed = Double(values[Metric.syntheticRecords.rawValue])
        guard observed > 0 else { return }
        let allowed: Bool
        if !allowedSyntheticDestinations.isEmpty {
            allowed = allowedSyntheticDestinations.contains(keyHashes[slot])
        } else {
            allowed = baselines.peak[slot * Self.metrics + Metric.syntheticRecords.rawValue] > 0
        }
        guard !allowed else { return }
        findings.append(Finding(
            detector: .syntheticDestination, metric: .syntheticRecords, expected: 0, lower: 0, upper: 0,
            score: observed))
    }
}
