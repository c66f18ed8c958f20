/* Moves a branch as git_reference_create_matching does, flushing the ref file (before it takes the
 * old one's place) and its folder, but not the reflogs: libgit2 1.5.1 fixes one `fsync` flag per
 * reference backend when the backend is made (refdb_fs.c, from GIT_OPT_ENABLE_FSYNC_GITDIR) and
 * uses it for the ref and both reflogs alike, which made six fsyncs of every commit. git itself
 * never flushes a reflog: it is a record of moves, not what keeps a commit reachable.
 *
 * The ref is locked through a backend made with flushing on (the lock file remembers it, and is
 * flushed and its folder after it when it is committed), and committed through one made with
 * flushing off, which appends the reflogs unflushed. The old value is compared under the lock, so
 * no writer that takes the same `.lock` (journal, git, libgit2) can move it in between. */
#include <string.h>
#include <git2.h>
#include <git2/sys/refdb_backend.h>
#include <git2/sys/refs.h>
#include "reference_move.h"

static int make_backend(git_refdb_backend **out, git_repository *repo, int flushing)
{
	int error, restored;
	if (!flushing && (error = git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 0)) < 0)
		return error;
	error = git_refdb_backend_fs(out, repo);
	if (!flushing && (restored = git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 1)) < 0 && error == 0) {
		if (*out) (*out)->free(*out);
		*out = NULL;
		return restored;
	}
	return error;
}

/* Who moved the ref, as libgit2 signs reflogs (refs.c, git_reference__log_signature). */
static int reflog_signature(git_signature **out, git_repository *repo)
{
	const char *name = NULL, *email = NULL;
	int error = git_repository_ident(&name, &email, repo);
	if (error < 0)
		return error;
	if (name && email)
		return git_signature_now(out, name, email);
	if (git_signature_default(out, repo) == 0)
		return 0;
	git_error_clear();
	return git_signature_now(out, "unknown", "unknown");
}

int journal_move_reference(void *repository, const char *name, const unsigned char *target,
                           const unsigned char *expected, const char *message)
{
	git_repository *repo = repository;
	git_refdb_backend *flushing = NULL, *appending = NULL;
	git_reference *current = NULL, *moved = NULL;
	git_signature *who = NULL;
	git_odb *odb = NULL;
	void *lock = NULL;
	git_oid new_id, old_id;
	int error, found, matches;

	memcpy(new_id.id, target, GIT_OID_RAWSZ);
	if (expected)
		memcpy(old_id.id, expected, GIT_OID_RAWSZ);

	if ((error = make_backend(&flushing, repo, 1)) < 0 || (error = make_backend(&appending, repo, 0)) < 0)
		goto done;
	if (!flushing->lock || !flushing->unlock || !appending->unlock || !appending->lookup) {
		git_error_set_str(GIT_ERROR_REFERENCE, "libgit2's file references cannot be locked");
		error = -1;
		goto done;
	}
	if ((error = flushing->lock(&lock, flushing, name)) < 0)
		goto done;

	found = appending->lookup(&current, appending, name);
	if (found < 0 && found != GIT_ENOTFOUND) {
		error = found;
		goto abandon;
	}
	if (found == GIT_ENOTFOUND)
		git_error_clear();
	matches = expected
		? (found == 0 && git_reference_type(current) == GIT_REFERENCE_DIRECT && git_oid_equal(git_reference_target(current), &old_id))
		: (found == GIT_ENOTFOUND);
	if (!matches) {
		git_error_set_str(GIT_ERROR_REFERENCE, "old reference value does not match");
		error = GIT_EMODIFIED;
		goto abandon;
	}
	/* As git_reference_create_matching checks: a ref never points at an object that is not there. */
	if ((error = git_repository_odb(&odb, repo)) < 0)
		goto abandon;
	if (!git_odb_exists(odb, &new_id)) {
		git_error_set_str(GIT_ERROR_REFERENCE, "the target of the reference is not in the repository");
		error = -1;
		goto abandon;
	}
	if ((moved = git_reference__alloc(name, &new_id, NULL)) == NULL) {
		git_error_set_oom();
		error = -1;
		goto abandon;
	}
	if ((error = reflog_signature(&who, repo)) < 0)
		goto abandon;
	/* The lock is freed by this call, whatever it returns. */
	error = appending->unlock(appending, lock, 1, 1, moved, who, message);
	goto done;

abandon:
	flushing->unlock(flushing, lock, 0, 0, NULL, NULL, NULL);
done:
	git_odb_free(odb);
	git_signature_free(who);
	git_reference_free(moved);
	git_reference_free(current);
	if (appending) appending->free(appending);
	if (flushing) flushing->free(flushing);
	return error;
}
