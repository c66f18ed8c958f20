import JournalCore

/// An inline SVG of evidence per criterion per month, with the review date marked: one row per
/// criterion, one bar per month coloured by the criterion's verdict, and a last row marking each
/// check-in with its verdict. Every label is escaped; no script, no external asset.
enum EvidenceChart {
    static func svg(_ report: EvidenceReport) -> String {
        guard let since = CalendarDate(iso: report.header.since), let until = CalendarDate(iso: report.header.until) else { return "" }
        var months = Period(since: since, until: until).months
        let review = report.header.nextReview.flatMap { CalendarDate(iso: $0) }
        if let review, Period.Month(review) > (months.last ?? Period.Month(review)) {
            var month = months.last!.next
            while month <= Period.Month(review) && months.count < 36 {
                months.append(month)
                month = month.next
            }
        }
        guard !months.isEmpty, !report.criteria.isEmpty else { return "" }
        let labelWidth = 140.0, cell = max(14.0, min(40.0, 560.0 / Double(months.count))), rowHeight = 34.0, top = 24.0
        let width = labelWidth + cell * Double(months.count) + 50
        let checkinRow = report.checkins.isEmpty ? 0 : 1
        let height = top + rowHeight * Double(report.criteria.count + checkinRow) + 22
        let maximum = max(1, report.criteria.flatMap(\.months).max() ?? 1)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\" width=\"\(fmt(width))\" height=\"\(fmt(height))\">"
        out += "<title>Evidence per criterion per month</title>"
        for (index, month) in months.enumerated() where months.count <= 14 || index % 2 == 0 {
            let x = labelWidth + cell * Double(index) + cell / 2
            out += "<text x=\"\(fmt(x))\" y=\"14\" text-anchor=\"middle\" class=\"month\">\(HTMLEscape.text(month.shortName))</text>"
        }
        for (row, criterion) in report.criteria.enumerated() {
            let y = top + rowHeight * Double(row)
            out += "<text x=\"0\" y=\"\(fmt(y + rowHeight / 2 + 4))\" class=\"label\">\(HTMLEscape.text(String(criterion.key.prefix(20))))</text>"
            out += "<line x1=\"\(fmt(labelWidth))\" y1=\"\(fmt(y + rowHeight - 4))\" x2=\"\(fmt(width - 50))\" y2=\"\(fmt(y + rowHeight - 4))\" class=\"axis\"/>"
            for (index, count) in criterion.months.enumerated() where count > 0 {
                let h = (rowHeight - 8) * Double(count) / Double(maximum)
                let x = labelWidth + cell * Double(index) + 2
                out += "<rect x=\"\(fmt(x))\" y=\"\(fmt(y + rowHeight - 4 - h))\" width=\"\(fmt(cell - 4))\" height=\"\(fmt(h))\" class=\"bar \(criterion.verdict)\"><title>\(HTMLEscape.text(criterion.key)): \(count) in \(months[index])</title></rect>"
            }
        }
        if checkinRow == 1 {
            let y = top + rowHeight * Double(report.criteria.count)
            out += "<text x=\"0\" y=\"\(fmt(y + rowHeight / 2 + 4))\" class=\"label\">check-ins</text>"
            for checkin in report.checkins {
                guard let date = CalendarDate(iso: checkin.date), let index = months.firstIndex(of: Period.Month(date)) else { continue }
                let x = labelWidth + cell * (Double(index) + Double(date.day - 1) / 31.0)
                let verdict = checkin.verdict ?? "unknown"
                out += "<circle cx=\"\(fmt(x))\" cy=\"\(fmt(y + rowHeight / 2))\" r=\"5\" class=\"checkin \(HTMLEscape.text(verdict))\"><title>check-in \(HTMLEscape.text(checkin.date)): \(HTMLEscape.text(verdict.replacingOccurrences(of: "-", with: " ")))</title></circle>"
            }
        }
        if let review, let index = months.firstIndex(of: Period.Month(review)) {
            let day = Double(review.day - 1) / 31.0
            let x = labelWidth + cell * (Double(index) + day)
            out += "<line x1=\"\(fmt(x))\" y1=\"\(fmt(top - 4))\" x2=\"\(fmt(x))\" y2=\"\(fmt(height - 18))\" class=\"review\"/>"
            out += "<text x=\"\(fmt(x))\" y=\"\(fmt(height - 4))\" text-anchor=\"middle\" class=\"review-label\">review \(HTMLEscape.text(review.description))</text>"
        }
        return out + "</svg>"
    }

    static func fmt(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
