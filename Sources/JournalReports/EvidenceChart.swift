import JournalCore

/// An inline SVG of evidence per criterion per month: one row per criterion, each with its scale
/// (0 and the tallest month) at the left and its verdict at the right; a month's bar is evidence
/// (solid) under feedback (a lighter tone), coloured by the criterion's verdict as the table is;
/// a last row marks each check-in with its verdict, a dashed line the review date, and a legend
/// names the tones. Every label is escaped; no script, no external asset.
enum EvidenceChart {
    static let labelWidth = 160.0, rowHeight = 34.0, top = 30.0, verdictWidth = 62.0, legendHeight = 40.0

    static func svg(_ report: EvidenceReport) -> String {
        guard let since = CalendarDate(iso: report.header.since), let until = CalendarDate(iso: report.header.until) else { return "" }
        var months = Period(since: since, until: until).months
        let review = report.header.nextReview.flatMap { CalendarDate(iso: $0) }
        if let review, let last = months.last, Period.Month(review) > last {
            var month = last.next
            while month <= Period.Month(review) && months.count < 36 {
                months.append(month)
                month = month.next
            }
        }
        guard !months.isEmpty, !report.criteria.isEmpty else { return "" }
        let cell = max(14.0, min(40.0, 560.0 / Double(months.count)))
        let plotEnd = labelWidth + cell * Double(months.count)
        let width = plotEnd + verdictWidth
        let checkinRow = report.checkins.isEmpty ? 0 : 1
        let rowsEnd = top + rowHeight * Double(report.criteria.count + checkinRow)
        let height = rowsEnd + 18 + legendHeight
        let maximum = max(1, report.criteria.flatMap(\.months).max() ?? 1)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" width=\"\(fmt(width))\" height=\"\(fmt(height))\">"
        out += "<title>Evidence and feedback per criterion per month</title>"
        for (index, month) in months.enumerated() where months.count <= 14 || index % 2 == 0 {
            let x = labelWidth + cell * Double(index) + cell / 2
            out += "<text x=\"\(fmt(x))\" y=\"12\" text-anchor=\"middle\" class=\"month\">\(HTMLEscape.text(month.shortName))</text>"
            if index == 0 || month.month == 1 {
                out += "<text x=\"\(fmt(x))\" y=\"24\" text-anchor=\"middle\" class=\"year\">\(month.year)</text>"
            }
        }
        for (row, criterion) in report.criteria.enumerated() {
            let y = top + rowHeight * Double(row)
            let base = y + rowHeight - 4, full = rowHeight - 8
            out += "<text x=\"0\" y=\"\(fmt(y + rowHeight / 2 + 4))\" class=\"label\">\(HTMLEscape.text(String(criterion.key.prefix(18))))</text>"
            // The row's scale: its baseline is 0, the dotted line above it the tallest month of any row.
            out += "<line x1=\"\(fmt(labelWidth))\" y1=\"\(fmt(base - full))\" x2=\"\(fmt(plotEnd))\" y2=\"\(fmt(base - full))\" class=\"grid\"/>"
            out += "<line x1=\"\(fmt(labelWidth))\" y1=\"\(fmt(base))\" x2=\"\(fmt(plotEnd))\" y2=\"\(fmt(base))\" class=\"axis\"/>"
            out += "<text x=\"\(fmt(labelWidth - 4))\" y=\"\(fmt(base - full + 8))\" text-anchor=\"end\" class=\"scale\">\(maximum)</text>"
            out += "<text x=\"\(fmt(labelWidth - 4))\" y=\"\(fmt(base))\" text-anchor=\"end\" class=\"scale\">0</text>"
            let verdict = HTMLEscape.text(criterion.verdict)
            for (index, count) in criterion.months.enumerated() where count > 0 {
                let feedback = index < criterion.feedbackMonths.count ? min(count, criterion.feedbackMonths[index]) : 0
                let x = fmt(labelWidth + cell * Double(index) + 2), barWidth = fmt(cell - 4)
                let evidenceHeight = full * Double(count - feedback) / Double(maximum)
                let feedbackHeight = full * Double(feedback) / Double(maximum)
                let tip = "\(HTMLEscape.text(criterion.key)) in \(months[index]): \(count - feedback) evidence, \(feedback) feedback"
                if count > feedback {
                    out += "<rect x=\"\(x)\" y=\"\(fmt(base - evidenceHeight))\" width=\"\(barWidth)\" height=\"\(fmt(evidenceHeight))\" class=\"bar \(verdict)\"><title>\(tip)</title></rect>"
                }
                if feedback > 0 {
                    out += "<rect x=\"\(x)\" y=\"\(fmt(base - evidenceHeight - feedbackHeight))\" width=\"\(barWidth)\" height=\"\(fmt(feedbackHeight))\" class=\"bar feedback \(verdict)\"><title>\(tip)</title></rect>"
                }
            }
            out += "<text x=\"\(fmt(plotEnd + 8))\" y=\"\(fmt(y + rowHeight / 2 + 4))\" class=\"verdict-label \(verdict)\">\(verdict)</text>"
        }
        if checkinRow == 1 {
            let y = top + rowHeight * Double(report.criteria.count)
            out += "<text x=\"0\" y=\"\(fmt(y + rowHeight / 2 + 4))\" class=\"label\">check-ins</text>"
            for checkin in report.checkins {
                guard let date = CalendarDate(iso: checkin.date), let index = months.firstIndex(of: Period.Month(date)) else { continue }
                let x = labelWidth + cell * (Double(index) + Double(date.day - 1) / 31.0)
                let verdict = checkin.verdict ?? "unknown"
                out += "<circle cx=\"\(fmt(x))\" cy=\"\(fmt(y + rowHeight / 2))\" r=\"5\" class=\"checkin \(HTMLEscape.text(verdict))\"><title>check-in \(HTMLEscape.text(checkin.date)): \(HTMLEscape.text(ReportHeadline.words(verdict)))</title></circle>"
            }
        }
        if let review, let index = months.firstIndex(of: Period.Month(review)) {
            let x = labelWidth + cell * (Double(index) + Double(review.day - 1) / 31.0)
            out += "<line x1=\"\(fmt(x))\" y1=\"\(fmt(top - 4))\" x2=\"\(fmt(x))\" y2=\"\(fmt(rowsEnd))\" class=\"review\"/>"
            out += "<text x=\"\(fmt(x))\" y=\"\(fmt(rowsEnd + 12))\" text-anchor=\"middle\" class=\"review-label\">review \(HTMLEscape.text(review.description))</text>"
        }
        return out + legend(y: rowsEnd + 22, maximum: maximum, checkins: checkinRow == 1) + "</svg>"
    }

    /// The tones and marks, named: evidence and feedback, the check-in verdicts, the scale.
    static func legend(y: Double, maximum: Int, checkins: Bool) -> String {
        var out = "<g class=\"legend\">"
        out += "<rect x=\"0\" y=\"\(fmt(y))\" width=\"10\" height=\"10\" class=\"bar key\"/><text x=\"14\" y=\"\(fmt(y + 9))\">evidence (wins, notes)</text>"
        out += "<rect x=\"150\" y=\"\(fmt(y))\" width=\"10\" height=\"10\" class=\"bar feedback key\"/><text x=\"164\" y=\"\(fmt(y + 9))\">feedback</text>"
        let x = 240.0
        if checkins {
            out += "<circle cx=\"\(fmt(x + 5))\" cy=\"\(fmt(y + 5))\" r=\"5\" class=\"checkin tracking\"/><text x=\"\(fmt(x + 14))\" y=\"\(fmt(y + 9))\">check-in: tracking</text>"
            out += "<circle cx=\"\(fmt(x + 135))\" cy=\"\(fmt(y + 5))\" r=\"5\" class=\"checkin not-tracking\"/><text x=\"\(fmt(x + 144))\" y=\"\(fmt(y + 9))\">not tracking</text>"
        }
        out += "<text x=\"0\" y=\"\(fmt(y + 26))\">Scale: each row from 0 (its baseline) to \(maximum) piece\(maximum == 1 ? "" : "s") in a month (its dotted line); colour: the verdict.</text>"
        return out + "</g>"
    }

    static func fmt(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
