/// The hook scripts of Hooks/, carried in the binary so that only the tool's own copy is ever
/// installed (a test checks these are byte for byte the files in Hooks/).
public enum HookScripts {
    public static let all: [(name: String, text: String)] = [
        ("pre-commit", #"""
#!/bin/sh
# Installed by journal. Before a plain `git commit`: the staged entries and plan.yml must read
# as valid journal files (the same checks `journal add` makes in-process).
command -v journal >/dev/null 2>&1 || { echo "journal hook: journal is not on PATH; not checking this commit" >&2; exit 0; }
exec journal hook pre-commit

"""#),
        ("pre-push", #"""
#!/bin/sh
# Installed by journal. Before a plain `git push`: refuse private entries (refs/journal/*) and a
# journal that `journal verify` would not pass.
command -v journal >/dev/null 2>&1 || { echo "journal hook: journal is not on PATH; refusing to push unchecked" >&2; exit 1; }
exec journal hook pre-push "$@"

"""#),
        ("post-merge", #"""
#!/bin/sh
# Installed by journal. After a plain `git pull` or `git merge`: say which entries arrived.
command -v journal >/dev/null 2>&1 || exit 0
exec journal hook post-merge

"""#),
    ]
}
