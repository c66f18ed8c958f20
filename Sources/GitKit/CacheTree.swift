/// The index's cache-tree extension ("TREE"): for each folder, the number of entries below it
/// and the id of the tree they make, or -1 once an entry below has changed. Pre-order, the root
/// first, as git writes it.
struct CacheTree {
    private struct Node {
        var name: ArraySlice<UInt8>
        var entryCount: Int
        var id: ArraySlice<UInt8>?
        var children: [Node]
    }

    private var root: Node

    init(_ data: ArraySlice<UInt8>) throws {
        var offset = data.startIndex
        root = try CacheTree.parse(data, at: &offset)
        guard offset == data.endIndex else { throw IndexFile.Unsupported(description: "malformed cache-tree extension") }
    }

    /// The extension with every folder on the way to each of `paths` marked as changed.
    func invalidating<S: Sequence>(_ paths: S) -> [UInt8] where S.Element == [UInt8] {
        var tree = root
        for path in paths {
            let folders = path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).dropLast()
            CacheTree.invalidate(&tree, along: folders[...])
        }
        var out = [UInt8]()
        CacheTree.write(tree, to: &out)
        return out
    }

    private static func invalidate(_ node: inout Node, along folders: ArraySlice<ArraySlice<UInt8>>) {
        node.entryCount = -1
        node.id = nil
        guard let first = folders.first,
              let child = node.children.firstIndex(where: { $0.name.elementsEqual(first) }) else { return }
        invalidate(&node.children[child], along: folders.dropFirst())
    }

    private static func parse(_ data: ArraySlice<UInt8>, at offset: inout Int) throws -> Node {
        func fail() -> IndexFile.Unsupported { IndexFile.Unsupported(description: "malformed cache-tree extension") }
        func field(until terminator: UInt8) throws -> ArraySlice<UInt8> {
            guard let end = data[offset...].firstIndex(of: terminator) else { throw fail() }
            defer { offset = end + 1 }
            return data[offset..<end]
        }
        let name = try field(until: 0)
        guard let entryCount = Int(String(decoding: try field(until: UInt8(ascii: " ")), as: UTF8.self)),
              let subtrees = Int(String(decoding: try field(until: UInt8(ascii: "\n")), as: UTF8.self)), subtrees >= 0 else { throw fail() }
        var id: ArraySlice<UInt8>?
        if entryCount >= 0 {
            guard offset + 20 <= data.endIndex else { throw fail() }
            id = data[offset..<(offset + 20)]
            offset += 20
        }
        var children: [Node] = []
        for _ in 0..<subtrees { children.append(try parse(data, at: &offset)) }
        return Node(name: name, entryCount: entryCount, id: id, children: children)
    }

    private static func write(_ node: Node, to out: inout [UInt8]) {
        out.append(contentsOf: node.name)
        out.append(0)
        out.append(contentsOf: "\(node.entryCount) \(node.children.count)\n".utf8)
        if let id = node.id { out.append(contentsOf: id) }
        for child in node.children { write(child, to: &out) }
    }
}
