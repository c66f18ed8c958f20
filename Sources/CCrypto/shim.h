// OpenSSL's libcrypto, for the SHA-1 that git's index file format ends with (libgit2 has no
// public hash API). Installed with libssl-dev, which libgit2-dev already depends on.
#include <openssl/evp.h>
