#!/bin/sh
# Installs Facilitator for this user only, without administrator rights:
#   the app        ~/.local/opt/facilitator
#   the menu entry ~/.local/share/applications/facilitator.desktop
#   the icon       ~/.local/share/icons/hicolor/256x256/apps/facilitator.png
# Run it from the unpacked archive: ./install.sh   (again to upgrade; your data stays)
set -eu

here=$(cd "$(dirname "$0")" && pwd -P)
prefix=${FACILITATOR_PREFIX:-$HOME/.local/opt/facilitator}
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
apps=$data_home/applications
icons=$data_home/icons/hicolor/256x256/apps
desktop=$apps/facilitator.desktop
icon=$icons/facilitator.png

if [ ! -x "$here/facilitator" ] || [ ! -d "$here/_internal" ]; then
    echo "Hittar inte appen bredvid install.sh ($here). Packa upp hela arkivet först." >&2
    exit 1
fi
if [ -d "$prefix" ] && [ "$(cd "$prefix" && pwd -P)" = "$here" ]; then
    echo "Facilitator är redan installerad i $prefix." >&2
    exit 0
fi

mkdir -p "$(dirname "$prefix")" "$apps" "$icons"
# A fresh copy beside the old one, then swapped in: an interrupted install leaves the old app.
staging="$prefix.new.$$"
rm -rf "$staging"
mkdir -p "$staging"
# Only the app: a portable copy's data folder or marker is not taken along.
for item in facilitator _internal share install.sh uninstall.sh README.txt; do
    if [ -e "$here/$item" ]; then
        cp -R -p "$here/$item" "$staging/"
    fi
done
if [ -d "$prefix" ]; then
    rm -rf "$prefix.old.$$"
    mv "$prefix" "$prefix.old.$$"
    mv "$staging" "$prefix"
    rm -rf "$prefix.old.$$"
else
    mv "$staging" "$prefix"
fi

# Exec and TryExec quoted: the home folder's name may have spaces.
sed -e "s|@PREFIX@|$prefix|g" "$prefix/share/facilitator.desktop" > "$desktop.tmp"
chmod 644 "$desktop.tmp"
mv "$desktop.tmp" "$desktop"
cp "$prefix/share/facilitator.png" "$icon"
chmod 644 "$icon"
# What uninstall.sh removes besides the app's folder.
printf '%s\n%s\n' "$desktop" "$icon" > "$prefix/installed-files.txt"

# Menus refresh on their own on most desktops; this helps the rest, where it exists. No icon
# cache is made: a user's hicolor folder without one is read as it is, while a cache would
# hide the icons other apps add later.
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$apps" 2>/dev/null || true
fi

echo "Facilitator är installerad i $prefix."
echo "Starta den från programmenyn, eller med: \"$prefix/facilitator\""
echo "Avinstallera med: \"$prefix/uninstall.sh\""
