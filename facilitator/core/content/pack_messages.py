"""One clear Swedish sentence per reason a pack is refused: what happened, what to do."""

from __future__ import annotations

from facilitator.core.content.pack_format import PackError, PackFailure
from facilitator.core.content.problems import Problem
from facilitator.core.i18n import N_, _, ngettext

_MESSAGES = {
    PackFailure.NOT_FOUND: N_(
        "Filen {detail} finns inte. Kontrollera namnet och var filen ligger, och försök igen."
    ),
    PackFailure.NOT_A_FILE: N_(
        "{detail} är inte en vanlig fil (till exempel en mapp). Välj själva .fmod-filen."
    ),
    PackFailure.UNREADABLE: N_(
        "Filen {detail} går inte att läsa. Kontrollera att du har behörighet till den och "
        "att USB-minnet sitter i."
    ),
    PackFailure.NOT_A_ZIP: N_(
        "Filen är inte ett modulpaket (.fmod). Kontrollera att du har valt rätt fil."
    ),
    PackFailure.TRUNCATED: N_(
        "Modulpaketet är ofullständigt: filen tar slut för tidigt. "
        "Kopiera den på nytt från USB-minnet och försök igen."
    ),
    PackFailure.CORRUPT: N_(
        "Modulpaketet är skadat ({detail}). Kopiera filen på nytt eller be om en ny."
    ),
    PackFailure.ENCRYPTED: N_(
        "Modulpaketet är lösenordsskyddat och kan inte läsas. Be om ett paket utan lösenord."
    ),
    PackFailure.ABSOLUTE_PATH: N_(
        "Modulpaketet innehåller en fil med en absolut sökväg ({detail}), som kan skriva "
        "utanför modulmappen. Paketet importeras inte."
    ),
    PackFailure.PARENT_PATH: N_(
        "Modulpaketet innehåller en fil som pekar ut ur modulmappen ({detail}). "
        "Paketet importeras inte."
    ),
    PackFailure.UNSAFE_NAME: N_(
        "Modulpaketet innehåller ett filnamn som inte fungerar på alla datorer ({detail}). "
        "Byt namn på filen och packa modulen igen."
    ),
    PackFailure.LINK: N_(
        "Modulpaketet innehåller en länk ({detail}). Länkar är inte tillåtna i modulpaket; "
        "lägg in själva filen i stället."
    ),
    PackFailure.SPECIAL_FILE: N_(
        "Modulpaketet innehåller något som inte är en vanlig fil ({detail}). "
        "Paketet importeras inte."
    ),
    PackFailure.DUPLICATE: N_(
        "Modulpaketet innehåller samma fil två gånger ({detail}). Packa modulen igen."
    ),
    PackFailure.TOO_MANY_FILES: N_(
        "Modulpaketet innehåller för många filer ({detail}). Paketet importeras inte."
    ),
    PackFailure.TOO_LARGE: N_(
        "Modulpaketet blir för stort när det packas upp (mer än {detail}). Det importeras "
        "inte: paketet kan vara skadat eller gjort för att fylla disken."
    ),
    PackFailure.NO_PACK_INFO: N_(
        "Modulpaketet saknar pack.json. Det är inte gjort med Facilitator eller är ofullständigt."
    ),
    PackFailure.BAD_PACK_INFO: N_(
        "Modulpaketets pack.json går inte att läsa ({detail}). Packa modulen igen."
    ),
    PackFailure.NO_MANIFEST: N_(
        "Modulpaketet saknar module.toml överst i paketet. Packa modulmappen med "
        "”facilitator modules pack”."
    ),
    PackFailure.ID_MISMATCH: N_(
        "Modulpaketet säger att det innehåller modulen {detail}. Paketet har ändrats efter "
        "att det packades och importeras inte."
    ),
    PackFailure.VERSION_MISMATCH: N_(
        "Modulpaketet säger att det innehåller version {detail}. Paketet har ändrats efter "
        "att det packades och importeras inte."
    ),
    PackFailure.HASH_MISMATCH: N_(
        "Innehållet i modulpaketet stämmer inte med dess kontrollsumma. Filen är skadad eller "
        "ändrad; kopiera den på nytt."
    ),
    PackFailure.INVALID_MODULE: N_(
        "Modulen har fel och kan inte användas ({detail}). Se listan nedan; rätta modulen och "
        "packa den igen."
    ),
    PackFailure.CANCELLED: N_("Avbrutet. Ingenting har ändrats."),
    PackFailure.WRITE_FAILED: N_(
        "Filerna kunde inte sparas ({detail}). Kontrollera att det finns plats på disken och "
        "att mappen går att skriva i."
    ),
}


def refuse(
    failure: PackFailure, detail: object = "", problems: tuple[Problem, ...] = ()
) -> PackError:
    return PackError(failure, _(_MESSAGES[failure]).format(detail=detail), problems)


def size_text(n: int) -> str:
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("kB", 1 << 10)):
        if n >= size:
            return f"{n / size:.1f}".replace(".", ",").removesuffix(",0") + f" {unit}"
    return ngettext("{n} byte", "{n} byte", n).format(n=n)
