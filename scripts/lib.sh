# Shared by the scripts: find or install what a Debian machine needs. Sourced, not run.

# Installs the Debian packages named, when missing: through apt-get as root, or says what to run.
ensure_packages() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ]; then
        echo "Installing ${missing[*]} (apt-get)..." >&2
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
    else
        echo "error: missing Debian packages: ${missing[*]}" >&2
        echo "hint: run \`sudo apt-get install ${missing[*]}\` and try again" >&2
        exit 1
    fi
}

# Swift cannot come from apt; say where to get it when it is absent.
ensure_swift() {
    if ! command -v swift >/dev/null 2>&1; then
        for dir in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
            [ -x "$dir/swift" ] && export PATH="$dir:$PATH" && return 0
        done
        echo "error: no Swift toolchain on PATH" >&2
        echo "hint: install Swift 6 from swift.org (or swiftly) and try again" >&2
        exit 1
    fi
}

# What building journal needs on Debian.
BUILD_PACKAGES=(pkg-config libgit2-dev libssl-dev libcmark-gfm-dev libcmark-gfm-extensions-dev)
