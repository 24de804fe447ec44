// swift-tools-version:6.1
import PackageDescription

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "LeakWatch",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "leakwatch", targets: ["leakwatch"]),
        .library(name: "LeakWatchEngine", targets: ["LeakWatchEngine"]),
        .library(name: "LeakWatchGenerator", targets: ["LeakWatchGenerator"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // glibc's <malloc.h> (mallopt), which the Glibc module does not export.
        .systemLibrary(name: "CMalloc"),
        // Vector byte scans (SSE2, or AVX2 where the CPU has it) that Swift's SIMD types cannot express.
        .target(name: "CByteScan"),
        // A cache prefetch hint, which Swift cannot express.
        .target(name: "CMemoryHints"),
        .target(
            name: "LeakWatchIngest",
            dependencies: ["CZstd", "CZlib"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LeakWatchParsing",
            dependencies: ["CByteScan"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LeakWatchEngine",
            dependencies: ["LeakWatchIngest", "LeakWatchParsing", "CMemoryHints"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LeakWatchAlerting",
            dependencies: ["LeakWatchEngine"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LeakWatchReport",
            dependencies: ["LeakWatchIngest", "LeakWatchEngine", "LeakWatchAlerting"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LeakWatchGenerator",
            dependencies: ["LeakWatchIngest"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LeakWatchConfig",
            dependencies: [
                "LeakWatchParsing", "LeakWatchEngine", "LeakWatchAlerting",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LeakWatchDelivery",
            dependencies: [
                "LeakWatchAlerting", "LeakWatchConfig", "LeakWatchEngine", "LeakWatchParsing",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LeakWatchMonitor",
            dependencies: [
                "LeakWatchIngest", "LeakWatchParsing", "LeakWatchEngine", "LeakWatchAlerting", "LeakWatchConfig",
                "LeakWatchDelivery",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "leakwatch",
            dependencies: [
                "LeakWatchIngest", "LeakWatchParsing", "LeakWatchEngine", "LeakWatchAlerting",
                "LeakWatchGenerator", "LeakWatchConfig", "LeakWatchMonitor", "LeakWatchDelivery", "LeakWatchReport",
                "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LeakWatchTestSupport",
            path: "Tests/LeakWatchTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LeakWatchIngestTests",
            dependencies: ["LeakWatchIngest", "LeakWatchTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LeakWatchParsingTests",
            dependencies: ["LeakWatchParsing"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LeakWatchEngineTests",
            dependencies: [
                "LeakWatchEngine", "LeakWatchIngest", "LeakWatchParsing", "LeakWatchAlerting", "LeakWatchConfig",
                "LeakWatchTestSupport",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LeakWatchReportTests",
            dependencies: ["LeakWatchReport", "LeakWatchEngine", "LeakWatchAlerting"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LeakWatchGeneratorTests",
            dependencies: ["LeakWatchGenerator", "LeakWatchIngest", "LeakWatchTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LeakWatchDeliveryTests",
            dependencies: [
                "LeakWatchDelivery", "LeakWatchAlerting", "LeakWatchEngine", "LeakWatchConfig",
                "LeakWatchTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LeakWatchEndToEndTests",
            dependencies: ["leakwatch", "LeakWatchIngest", "LeakWatchDelivery", "LeakWatchTestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)

// The package-benchmark suite lives in Benchmarks/ and is only part of the package when asked for, so that
// tests and CI do not build the benchmark tooling: `LEAKWATCH_BENCHMARKS=1 swift package benchmark`.
if ProcessInfo.processInfo.environment["LEAKWATCH_BENCHMARKS"] != nil {
    package.dependencies.append(
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]))
    package.targets.append(
        .executableTarget(
            name: "LeakWatchBenchmarks",
            dependencies: [
                "LeakWatchIngest", "LeakWatchParsing", "LeakWatchEngine", "LeakWatchGenerator",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/LeakWatchBenchmarks",
            swiftSettings: strictSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ))
}
