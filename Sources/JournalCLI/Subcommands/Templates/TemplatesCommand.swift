import ArgumentParser

struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates", abstract: "Choose which report and entry templates in templates/ may be used.",
        discussion: """
        Templates, like hooks, never come from content: a template in the journal's templates/
        folder is used only once you trust its exact text. One that arrives by pull or clone, or
        changes in a pull, is ignored (the built-in one is used, with a warning) until you review
        it with `journal templates trust`. Templates written by `journal report --template-dump`
        are trusted as written. What you trust is kept in .git/journal/trusted-templates/.

        Examples:
          journal templates trust
          journal templates trust --yes
          journal templates trust report.html.mustache --yes
          journal templates trust entry-win.md --yes
        """,
        subcommands: [TemplatesTrustCommand.self])
}
