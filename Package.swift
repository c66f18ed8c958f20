// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "journal",
    products: [
        .executable(name: "journal", targets: ["journal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "CDisplayWidth"),
        .target(name: "CReferenceMove", dependencies: ["CLibGit2"]),
        .target(name: "GitKit", dependencies: ["CLibGit2", "CCrypto", "CReferenceMove"]),
        .target(
            name: "JournalCore",
            dependencies: ["GitKit", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "JournalReports",
            dependencies: ["JournalCore", "CCmarkGFM", .product(name: "Mustache", package: "swift-mustache")]
        ),
        .target(
            name: "JournalCLI",
            dependencies: ["CDisplayWidth", "GitKit", "JournalCore", "JournalReports", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "journal", dependencies: ["JournalCLI"]),
        .testTarget(name: "GitKitTests", dependencies: ["GitKit"]),
        .testTarget(
            name: "JournalCoreTests",
            dependencies: ["JournalCore", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "JournalReportsTests",
            dependencies: ["JournalReports", "JournalCore"],
            exclude: ["Expected"]
        ),
        .testTarget(name: "JournalEndToEndTests", dependencies: ["journal", "JournalCLI"]),
    ]
)
