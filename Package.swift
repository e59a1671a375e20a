// swift-tools-version: 6.1
import PackageDescription

/// One set of compiler settings for every target, so strictness is uniform.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Shades",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Shades", targets: ["Shades"]),
        .library(name: "ShadesServer", targets: ["ShadesServer"]),
        .executable(name: "shades", targets: ["ShadesCLI"]),
        .executable(name: "shades-server", targets: ["ShadesServerCLI"]),
        .executable(name: "shades-fuzz", targets: ["ShadesFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc",
            providers: [.apt(["libicu-dev"])]
        ),
        .executableTarget(
            name: "ResourceEmbedder",
            swiftSettings: swiftSettings
        ),
        .plugin(
            name: "EmbedLexicons",
            capability: .buildTool(),
            dependencies: ["ResourceEmbedder"]
        ),
        .plugin(
            name: "EmbedOpenAPI",
            capability: .buildTool(),
            dependencies: ["ResourceEmbedder"]
        ),
        .target(
            name: "Shades",
            dependencies: ["CICU"],
            swiftSettings: swiftSettings,
            plugins: ["EmbedLexicons"]
        ),
        .target(
            name: "ShadesFilter",
            dependencies: ["Shades"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ShadesCLI",
            dependencies: [
                "Shades",
                "ShadesFilter",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ShadesServer",
            dependencies: [
                "Shades",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: swiftSettings,
            plugins: ["EmbedOpenAPI"]
        ),
        .executableTarget(
            name: "ShadesServerCLI",
            dependencies: [
                "ShadesServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                "Shades",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ShadesTests",
            dependencies: [
                "Shades",
                "ShadesCLI",
                "ShadesFuzz",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ShadesServerTests",
            dependencies: [
                "Shades",
                "ShadesServer",
                "ShadesServerCLI",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "CFuzzDriver"),
        .executableTarget(
            name: "ShadesFuzz",
            dependencies: ["Shades", "ShadesFilter", "CFuzzDriver"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ShadesBenchmarks",
            dependencies: [
                "Shades",
                "ShadesFilter",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ShadesBenchmarks",
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
