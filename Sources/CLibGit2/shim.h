#ifndef JOURNAL_CLIBGIT2_SHIM_H
#define JOURNAL_CLIBGIT2_SHIM_H
#include <git2.h>

/* DESIGN.md section 5 lists facts measured on libgit2 1.5.1 (no retry on GIT_EMODIFIED/ELOCKED,
 * git_commit_create returning 0 after a failed write, push refusals only in push_update_reference,
 * unbounded credential callbacks, the CA bundle parsed in git_libgit2_init, no split/sparse index).
 * The code works around each of them. On another version, re-measure each fact, revisit the
 * workarounds in GitKit and JournalCore/Store, then widen this check. */
#if LIBGIT2_VER_MAJOR != 1 || LIBGIT2_VER_MINOR != 5
#error "journal is written against libgit2 1.5 (Debian bookworm's libgit2-dev): re-check DESIGN.md section 5 before building with another version"
#endif

/* git_libgit2_opts is variadic, which Swift cannot call: one fixed-arity wrapper per option used. */
static inline int journal_git_enable_fsync_gitdir(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}

static inline int journal_git_enable_strict_hash_verification(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, enabled);
}

static inline int journal_git_get_cached_memory(ssize_t *current, ssize_t *allowed) {
    return git_libgit2_opts(GIT_OPT_GET_CACHED_MEMORY, current, allowed);
}

static inline int journal_git_set_cache_object_limit(git_object_t type, size_t bytes) {
    return git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, type, bytes);
}

static inline int journal_git_set_search_path(int level, const char *path) {
    return git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, path);
}

/* syncfs(2), which glibc declares only under _GNU_SOURCE: one flush for a batch of new objects. */
extern int syncfs(int fd);

#endif
