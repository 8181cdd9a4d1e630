#!/usr/bin/env bash
# Installs what building, running and testing FHIR Bulk Monitor needs on Debian 12 (bookworm).
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends \
    g++ cmake ninja-build pkg-config ccache file dpkg-dev \
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-networkauth-dev \
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n qt6-qpa-plugins \
    libqt6svg6 qtkeychain-qt6-dev libssl-dev zlib1g-dev libcurl4-openssl-dev libgl-dev \
    gnome-keyring dbus dbus-x11 libsecret-tools systemd \
    xvfb xauth fonts-dejavu-core desktop-file-utils appstream curl python3 openssl \
    clang libclang-rt-14-dev
