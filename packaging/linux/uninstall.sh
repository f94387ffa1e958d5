#!/bin/sh
# Removes Facilitator installed by install.sh: the app's folder, the menu entry and the icon.
# Your data (sessions, reflections, settings, logs) stays where it is; the end says where.
set -eu

main() {
    prefix=${FACILITATOR_PREFIX:-$HOME/.local/opt/facilitator}
    if [ ! -x "$prefix/facilitator" ] || [ ! -d "$prefix/_internal" ]; then
        echo "Ingen Facilitator installerad i $prefix." >&2
        exit 1
    fi
    if [ -f "$prefix/installed-files.txt" ]; then
        while IFS= read -r file; do
            case "$file" in
                */facilitator.desktop | */facilitator.png) rm -f "$file" ;;
            esac
        done < "$prefix/installed-files.txt"
    fi
    # Everything of the app, but not a portable copy's data folder if someone made one here.
    for item in "$prefix"/* "$prefix"/.[!.]*; do
        [ -e "$item" ] || continue
        case "$(basename "$item")" in
            facilitator-data) ;;
            *) rm -rf "$item" ;;
        esac
    done
    rmdir "$prefix" 2>/dev/null || true
    rmdir "$(dirname "$prefix")" 2>/dev/null || true

    data_home=${XDG_DATA_HOME:-$HOME/.local/share}
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$data_home/applications" 2>/dev/null || true
    fi
    echo "Facilitator är avinstallerad. Dina data finns kvar i $data_home/Facilitator"
    echo "och inställningarna i ${XDG_CONFIG_HOME:-$HOME/.config}/Facilitator."
}

# Read whole before anything runs: the script deletes itself.
main "$@"
