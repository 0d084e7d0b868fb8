#!/usr/bin/env bash
# Debian packages some tests need: Chromium (browser tests), bubblewrap
# (sandboxed grading), PostgreSQL (the multi-grader gradebook) and
# poppler-utils (pdftoppm/pdftotext: the card PDF tests read pages back).
# Installs the missing ones when run as root on Debian/Ubuntu; otherwise
# says exactly what to install, and the tests that need them say so too.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v bwrap >/dev/null 2>&1 || missing+=(bubblewrap)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
    echo "Note: ${missing[*]} not installed, and this is not a root shell on Debian."
    echo "      Install them with: sudo apt-get install ${missing[*]}"
    echo "      Until then the tests that need them are skipped (outside CI)."
fi
