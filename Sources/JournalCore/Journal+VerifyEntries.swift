import Foundation
import GitKit

/// An entry id's ten ASCII characters packed into two integers: the ids of every entry of a large
/// journal, kept to find one used twice, cost no String each.
struct PackedEntryID: Hashable {
    let high: UInt64, low: UInt64

    init?(_ bytes: some Collection<UInt8>) {
        guard bytes.count == EntryID.length else { return nil }
        var high: UInt64 = 0, low: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            if index < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
        }
        self.high = high
        self.low = low
    }
}

/// Where an id was first seen: a file's path, spelled out only when another file uses the id too.
struct EntryOrigin: CustomStringConvertible {
    let folder: String
    let tree: Tree?
    let index: Int
    let path: String?

    init(path: String) { (folder, tree, index, self.path) = ("", nil, 0, path) }
    init(in tree: Tree, at index: Int, folder: String) { (self.folder, self.tree, self.index, path) = (folder, tree, index, nil) }

    var description: String { path ?? tree.map { folder + "/" + $0.name(at: index) } ?? folder }
}

/// What `journal verify` found of main's month folders.
struct MonthVerdicts {
    /// Months recorded clean by an earlier run and not read now.
    var trusted: Set<VerifiedMonths.Month> = []
    /// Months read now that held no problem (an id used twice aside: that is checked every run).
    var clean: Set<VerifiedMonths.Month> = []
}

extension Journal {
    /// Checks every entry on main against the entry rules and `plan`. A month folder recorded in
    /// `recorded` (clean under this plan and these rules, at this path with this tree id) is not
    /// read again: only its file names are, to find an id used twice across months.
    func checkEntries(plan: Plan?, recorded: Set<VerifiedMonths.Month>, _ report: inout VerifyReport) -> MonthVerdicts {
        var verdicts = MonthVerdicts()
        var seen: [PackedEntryID: EntryOrigin] = [:]
        do {
            for month in try monthFoldersChecked(&report) {
                if recorded.contains(month) {
                    // Read intact by an earlier verify (the object walk reads only what is new
                    // since): libgit2's re-hash of it would be most of this run's work.
                    let tree = try translatingGitErrors { try HashVerification.skipped { try repository.tree(month.id) } }
                    verdicts.trusted.insert(month)
                    noteIDs(in: tree, at: month.path, seen: &seen, &report)
                } else if try checkMonth(try translatingGitErrors { try repository.tree(month.id) }, at: month.path, plan: plan, seen: &seen, &report) {
                    verdicts.clean.insert(month)
                }
            }
        } catch {
            report.problems.append(Problem(path: Journal.entriesFolder, "\(error)"))
        }
        return verdicts
    }

    /// The `entries/YYYY/MM` folders of main; anything else under entries/ is a problem.
    private func monthFoldersChecked(_ report: inout VerifyReport) throws -> [VerifiedMonths.Month] {
        guard let (_, root) = try head(), let top = root.entry(named: Journal.entriesFolder) else { return [] }
        guard top.kind == .tree else {
            report.problems.append(Problem(path: Journal.entriesFolder, "is a file; it should be a folder"))
            return []
        }
        let isNumber = { (text: String, digits: Int) in text.count == digits && text.allSatisfy(\.isASCII) && Int(text) != nil }
        var months: [VerifiedMonths.Month] = []
        try translatingGitErrors {
            for year in try repository.tree(top.id).entries {
                let yearPath = "\(Journal.entriesFolder)/\(year.name)"
                guard year.kind == .tree, isNumber(year.name, 4) else {
                    report.problems.append(Problem(path: yearPath, "unexpected; entries live in entries/YYYY/MM/"))
                    continue
                }
                for month in try repository.tree(year.id).entries {
                    let monthPath = "\(yearPath)/\(month.name)"
                    guard month.kind == .tree, isNumber(month.name, 2), (1...12).contains(Int(month.name)!) else {
                        report.problems.append(Problem(path: monthPath, "unexpected; entries live in entries/YYYY/MM/"))
                        continue
                    }
                    months.append(VerifiedMonths.Month(path: monthPath, id: month.id))
                }
            }
        }
        return months
    }

    /// The ids in the file names of a month recorded clean (there each matches its entry's id),
    /// each checked against the ids seen before.
    private func noteIDs(in tree: Tree, at path: String, seen: inout [PackedEntryID: EntryOrigin], _ report: inout VerifyReport) {
        let suffix = Array(".md".utf8)
        tree.forEachName { index, name in
            report.entries += 1
            guard name.count > EntryID.length + suffix.count, let id = PackedEntryID(name.dropLast(suffix.count).suffix(EntryID.length)) else { return }
            let origin = EntryOrigin(in: tree, at: index, folder: path)
            if let other = seen[id] {
                let file = origin.description
                report.problems.append(Problem(path: file, line: 2, "the id \(Journal.idInFileName(file) ?? "") is also used by \(other)"))
            } else {
                seen[id] = origin
            }
        }
    }

    /// Checks every file of one month folder; true when none has a problem other than an id used
    /// twice. That verdict depends on nothing but the tree, `path`, the plan's keys and the rules.
    private func checkMonth(_ tree: Tree, at path: String, plan: Plan?, seen: inout [PackedEntryID: EntryOrigin], _ report: inout VerifyReport) throws -> Bool {
        var problems = 0
        func problem(_ found: Problem) {
            report.problems.append(found)
            problems += 1
        }
        for file in tree.entries {
            let filePath = path + "/" + file.name
            guard file.kind == .blob, file.name.hasSuffix(".md") else {
                problem(Problem(path: filePath, "unexpected; entries are .md files"))
                continue
            }
            report.entries += 1
            let entry: Entry
            do {
                entry = try EntryCodec.decode(try translatingGitErrors { try repository.blob(file.id) })
            } catch let found as Problems {
                found.problems.forEach { problem(Problem(path: filePath, line: $0.line, $0.message)) }
                continue
            }
            let date = entry.date.description
            let folder = "\(Journal.entriesFolder)/\(date.prefix(4))/\(date.dropFirst(5).prefix(2))/"
            if !filePath.hasPrefix(folder) || !file.name.hasPrefix(date + "-") {
                problem(Problem(path: filePath, line: 4, "the date \(date) says this file belongs in \(folder) and starts with \(date)-"))
            }
            if Journal.idInFileName(file.name) != entry.id.value {
                problem(Problem(path: filePath, line: 2, "the id \(entry.id) does not match the file name"))
            }
            if let id = PackedEntryID(entry.id.value.utf8) {
                if let other = seen[id] {
                    report.problems.append(Problem(path: filePath, line: 2, "the id \(entry.id) is also used by \(other)"))
                } else {
                    seen[id] = EntryOrigin(path: filePath)
                }
            }
            if let plan {
                for key in entry.criteria where !plan.criterionKeys.contains(key) {
                    problem(Problem(path: filePath, "unknown criterion \"\(key)\" (not in plan.yml)"))
                }
                if let outcome = entry.outcome, !plan.outcomeKeys.contains(outcome) {
                    problem(Problem(path: filePath, "unknown outcome \"\(outcome)\" (not in plan.yml)"))
                }
            }
            if let body = try? TextRules.body(entry.body), body != entry.body {
                problem(Problem(path: filePath, "the body has CR line endings or trailing blank lines"))
            }
        }
        return problems == 0
    }
}
