import Testing
@testable import JournalCore

@Suite("ForgeLink")
struct ForgeLinkTests {
    static let sha = "0123456789abcdef0123456789abcdef01234567"

    @Test("commit pages on the known forges, from https, ssh:// and scp-like remotes", arguments: [
        ("https://github.com/acme/app.git", "https://github.com/acme/app/commit/\(sha)"),
        ("https://github.com/acme/app", "https://github.com/acme/app/commit/\(sha)"),
        ("git@github.com:acme/app.git", "https://github.com/acme/app/commit/\(sha)"),
        ("ssh://git@github.com:22/acme/app.git", "https://github.com/acme/app/commit/\(sha)"),
        ("https://gitlab.com/acme/web/app.git", "https://gitlab.com/acme/web/app/-/commit/\(sha)"),
        ("git@codeberg.org:acme/app.git", "https://codeberg.org/acme/app/commit/\(sha)"),
        ("https://alex@bitbucket.org/acme/app.git", "https://bitbucket.org/acme/app/commits/\(sha)"),
        ("https://x-access-token:ghp_secret@GitHub.com/acme/app.git", "https://github.com/acme/app/commit/\(sha)"),
    ])
    func known(remote: String, expected: String) {
        #expect(ForgeLink.commit(sha: Self.sha, remote: remote, repositoryPath: "/src/app") == expected)
    }

    @Test("anything else is git:PATH@SHA", arguments: [
        "https://git.example.com/acme/app.git", "http://github.com/acme/app.git", "file:///srv/app.git", "/srv/app.git",
        "https://github.com/acme/app/extra", "https://github.com/acme", "https://github.com/acme/../app",
        "https://github.com/acme/app%2F..", "git@github.com:acme/app?x=1", "https://github.com/acme/a\"><script>",
        "https://github.com.evil.example/acme/app", "ext::sh -c touch% /tmp/pwned",
    ])
    func unknown(remote: String) {
        #expect(ForgeLink.commit(sha: Self.sha, remote: remote, repositoryPath: "/src/app") == "git:/src/app@\(Self.sha)")
    }

    @Test("tag pages escape the tag's name")
    func tags() {
        #expect(ForgeLink.tag(name: "v1.0", sha: Self.sha, remote: "git@github.com:acme/app.git", repositoryPath: "/r") == "https://github.com/acme/app/releases/tag/v1.0")
        #expect(ForgeLink.tag(name: "a b?", sha: Self.sha, remote: "https://gitlab.com/g/app", repositoryPath: "/r") == "https://gitlab.com/g/app/-/tags/a%20b%3F")
        #expect(ForgeLink.tag(name: "v1", sha: Self.sha, remote: nil, repositoryPath: "/r") == "git:/r@\(Self.sha)")
    }
}
