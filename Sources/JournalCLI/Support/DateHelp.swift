import JournalCore

/// The paragraphs every command that takes a date shows in `--help`: each accepted form, and
/// which way a form without a year or a sign points. Each paragraph is one line, so the help
/// wraps it at the terminal's width.
enum DateHelp {
    static let text = "\n\n" + [
        "Dates, as people type them: \(DateExpression.examples.map { "\"\($0)\"" }.joined(separator: ", ")).",
        "A weekday, a day without a year (\"march 3\") or a bare count (\"3d\", \"2w\", \"1m\", \"1y\") points back for when "
            + "something happened (--date, --since, --until, --as-of: the last such day, today included) and forward for --due "
            + "and other deadlines (the next such day, today included): on Tuesday 2026-12-01, \"friday\" is 2026-11-27 for "
            + "--date and 2026-12-04 for --due. \"next friday\" is always after today, \"last friday\" always before.",
        "Numbers with the day and month both 12 or less (\"03/04/2026\") are refused, naming both readings; "
            + "\"14/03/2026\" can only be day first.",
    ].joined(separator: "\n\n")
}
