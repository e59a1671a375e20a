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
    products: [
        .library(name: "Shades", targets: ["Shades"]),
        .executable(name: "shades", targets: ["ShadesCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc",
            providers: [.apt(["libicu-dev"])]
        ),
        .executableTarget(
            name: "LexiconEmbedder",
            swiftSettings: swiftSettings
        ),
        .plugin(
            name: "EmbedLexicons",
            capability: .buildTool(),
            dependencies: ["LexiconEmbedder"]
        ),
        .target(
            name: "Shades",
            dependencies: ["CICU"],
            swiftSettings: swiftSettings,
            plugins: ["EmbedLexicons"]
        ),
        .executableTarget(
            name: "ShadesCLI",
            dependencies: [
                "Shades",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ShadesTests",
            dependencies: [
                "Shades",
                "ShadesCLI",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
