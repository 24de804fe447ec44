#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's CPU time and peak resident memory so far (getrusage).
struct ResourceUsage {
    var cpuSeconds: Double
    var peakResidentBytes: Int64

    static func now() -> ResourceUsage {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        // Linux reports kilobytes, macOS bytes.
        #if canImport(Darwin)
        let peak = Int64(usage.ru_maxrss)
        #else
        let peak = Int64(usage.ru_maxrss) * 1024
        #endif
        return ResourceUsage(cpuSeconds: user + system, peakResidentBytes: peak)
    }
}
