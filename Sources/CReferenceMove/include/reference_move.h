#ifndef JOURNAL_REFERENCE_MOVE_H
#define JOURNAL_REFERENCE_MOVE_H

/* Kept apart from CLibGit2's shim: libgit2's sys/refdb_backend.h, which this needs, defines types
 * (git_reference_iterator) that the public headers leave opaque, and would change them for all of
 * GitKit. So the declaration here names no libgit2 type: `repository` is a git_repository *, ids
 * are the 20 raw bytes of a git_oid. Returns a libgit2 error code (0 on success); the error is left
 * in git_error_last(). */
int journal_move_reference(void *repository, const char *name, const unsigned char *target,
                           const unsigned char *expected, const char *message);

#endif
