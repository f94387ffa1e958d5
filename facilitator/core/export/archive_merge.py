"""How one archive merges into this database: nothing here is lost or overwritten unseen.

A session not here yet is **added** whole, with its original times. For a session already
here, the rules are:

* **Reflections** are a union by uuid: new ones are added; a local one is never removed for
  being absent from the archive. One that differs is replaced only when the archive's copy
  was *edited* after the local copy was last written (by the reflection's own edit time,
  never the archive's export time: a laptop whose clock runs ahead must not win by its
  export alone); otherwise the local copy is kept and the import says so.
* A reflection is **removed** only by an explicit tombstone in the archive
  (``deleted_reflections``), and only if it was not changed here after that deletion.
* **Step times, attendance, evaluation and status** come as a whole: the archive's replace
  the local ones only when the archive was exported after the local copy last changed
  (session, attendance or any reflection); missing local ones are filled in either way.
  Of several archives of one session, the most recently exported one therefore wins.
* Title, place and leader name stay as they are here, and so does the status of a session
  that is running (or waiting to be resumed) on this computer.

The caller is told before the first change to a session already here (``before_change``),
so it can back the database up first. Every decision is counted in the ``MergeReport``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial

from facilitator.core.export.archive_format import Archive, ArchiveQuestion, ArchiveReflection
from facilitator.core.export.phone_votes import combined
from facilitator.core.i18n import _
from facilitator.core.storage.import_transaction import ImportTransaction
from facilitator.core.storage.records import (
    AttendanceCounts,
    EvaluationOption,
    EvaluationResult,
    ModuleRef,
    ReflectionDraft,
    ReflectionRecord,
    SessionLifecycle,
    SessionRecord,
    StepRunRecord,
)


class Clock:
    """The time the stores stamp on what they write: set to the archive's own times, so the
    copy carries when things happened, not when they were imported."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


@dataclass
class MergeReport:
    """What one archive did to its session. Reasons are Swedish, one per item."""

    created: bool = False
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    replaced: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.created or bool(self.added or self.updated or self.removed or self.replaced)


# How far ahead of this computer's clock an archive's export time may be before it is taken
# for a clock that runs ahead, not for a copy made later.
CLOCK_SKEW = timedelta(minutes=10)


def merge(
    work: ImportTransaction,
    archive: Archive,
    clock: Clock,
    local: SessionRecord | None,
    before_change: Callable[[], None],
    now: datetime | None = None,
) -> MergeReport:
    moment = now or datetime.now(UTC)
    if local is None:
        return _add_session(work, archive, clock, moment)
    return _merge_session(work, archive, clock, local, before_change, moment)


def status_of(archive: Archive) -> SessionLifecycle:
    """A session archived while running is interrupted here: no other laptop may resume it."""
    status = archive.session.status
    return SessionLifecycle.INTERRUPTED if status is SessionLifecycle.RUNNING else status


def _add_session(
    work: ImportTransaction, archive: Archive, clock: Clock, now: datetime
) -> MergeReport:
    report = MergeReport(created=True)
    s = archive.session
    clock.moment = s.created_at
    work.sessions.create(
        title=s.title,
        plan_json=s.plan_json,
        modules=[ModuleRef(m.module_id, m.version, m.content_hash, m.title) for m in s.modules],
        place=s.place,
        leader_name=s.leader_name,
        session_uuid=s.uuid,
    )
    status = status_of(archive)
    work.set_session_state(
        s.uuid,
        status=status,
        started_at=s.started_at,
        ended_at=s.ended_at if status is SessionLifecycle.FINISHED else None,
        # Never later than now: a future stamp would make every genuine later copy look older.
        updated_at=min(archive.exported_at, now),
    )
    for reflection in archive.reflections:
        if _belongs_elsewhere(work, reflection.uuid, s.uuid, report):
            continue
        _add(work, clock, s.uuid, reflection)
        report.added += 1
    clock.moment = archive.exported_at
    _save_steps(work, archive)
    _save_attendance(work, archive)
    _save_evaluation(work, archive)
    return report


def _merge_session(
    work: ImportTransaction,
    archive: Archive,
    clock: Clock,
    local: SessionRecord,
    before_change: Callable[[], None],
    now: datetime,
) -> MergeReport:
    report = MergeReport()
    uuid = local.uuid
    mine = {r.uuid: r for r in work.reflections.for_session(uuid)}
    # An archive "exported" after this computer's now says more about a clock than about
    # which copy is newer: it replaces nothing here.
    ahead = archive.exported_at > now + CLOCK_SKEW
    if ahead:
        report.kept.append(
            _(
                "arkivet är daterat {when}, efter den här datorns klocka; den andra datorns "
                "klocka kan gå fel, så sessionen här ändrades inte"
            ).format(when=archive.exported_at.strftime("%Y-%m-%d %H:%M"))
        )
    newer = not ahead and archive.exported_at > _last_change(work, local, mine.values())
    to_add: list[ArchiveReflection] = []
    to_update: list[ArchiveReflection] = []
    for reflection in archive.reflections:
        here = mine.get(reflection.uuid)
        if here is None:
            if not _belongs_elsewhere(work, reflection.uuid, uuid, report):
                to_add.append(reflection)
        elif (here.kind, here.text) == (reflection.kind, reflection.text):
            report.unchanged += 1
        elif (
            reflection.edited_at is not None
            and _written(here) < reflection.edited_at <= now + CLOCK_SKEW
        ):
            to_update.append(reflection)
        else:
            report.kept.append(_("reflektionen är ändrad här senare än i arkivet"))
    to_remove = _tombstoned(archive, mine, report)
    pieces = _session_pieces(work, archive, uuid, newer, report)
    state = _state(archive, local, newer)
    if not (to_add or to_update or to_remove or pieces or state != _state_of(local)):
        return report
    before_change()
    for reflection in to_add:
        _add(work, clock, uuid, reflection)
    report.added = len(to_add)
    for reflection in to_update:
        clock.moment = reflection.edited_at or reflection.created_at
        work.reflections.edit(reflection.uuid, text=reflection.text, kind=reflection.kind)
    report.updated = len(to_update)
    for reflection_uuid in to_remove:
        work.remove_reflection(reflection_uuid)
    report.removed = len(to_remove)
    clock.moment = archive.exported_at
    for save in pieces:
        save()
    status, started_at, ended_at = state
    work.set_session_state(
        uuid,
        status=status,
        started_at=started_at,
        ended_at=ended_at,
        updated_at=max(local.updated_at, min(archive.exported_at, now))
        if newer
        else local.updated_at,
    )
    details = (local.title, local.place, local.leader_name)
    if details != (archive.session.title, archive.session.place, archive.session.leader_name):
        report.kept.append(_("titel, plats och samtalsledare är kvar som här"))
    return report


def _add(work: ImportTransaction, clock: Clock, session: str, r: ArchiveReflection) -> None:
    clock.moment = r.created_at
    work.reflections.save(
        ReflectionDraft(
            r.uuid, session, r.step_key, r.kind, r.text, r.prompt_text, r.created_at, r.source
        )
    )
    if r.edited_at is not None:
        work.set_edited_at(r.uuid, r.edited_at)


def _belongs_elsewhere(
    work: ImportTransaction, reflection_uuid: str, session: str, report: MergeReport
) -> bool:
    owner = work.reflection_owner(reflection_uuid)
    if owner is None or owner == session:
        return False
    report.refused.append(_("har samma id som en reflektion i en annan session här"))
    return True


def _written(reflection: ReflectionRecord) -> datetime:
    return reflection.edited_at or reflection.created_at


def _last_change(
    work: ImportTransaction, local: SessionRecord, reflections: Iterable[ReflectionRecord]
) -> datetime:
    moments = [local.updated_at]
    attendance = work.attendance_changed_at(local.uuid)
    if attendance is not None:
        moments.append(attendance)
    moments.extend(_written(r) for r in reflections)
    return max(moments)


def _tombstoned(
    archive: Archive, mine: dict[str, ReflectionRecord], report: MergeReport
) -> list[str]:
    removed: list[str] = []
    for tombstone in archive.deleted_reflections:
        here = mine.get(tombstone.uuid)
        if here is None:
            continue  # never here, or already gone
        if tombstone.deleted_at > _written(here):
            removed.append(tombstone.uuid)
        else:
            report.kept.append(_("reflektionen togs bort i arkivet men ändrades här efteråt"))
    return removed


@dataclass(frozen=True)
class _Piece:
    name: str
    here: object
    theirs: object
    save: Callable[[ImportTransaction, Archive], None]


def _session_pieces(
    work: ImportTransaction, archive: Archive, uuid: str, newer: bool, report: MergeReport
) -> list[Callable[[], None]]:
    """The writes for steps, attendance and evaluation the rules allow, each reported."""
    candidates = (
        _Piece(_("stegens tider"), work.sessions.step_runs(uuid), _steps(archive), _save_steps),
        _Piece(
            _("närvaron"), work.tallies.attendance(uuid), _attendance(archive), _save_attendance
        ),
        _Piece(
            _("utvärderingen"),
            work.tallies.evaluation(uuid),
            _evaluation(archive, work),
            _save_evaluation,
        ),
    )
    pieces: list[Callable[[], None]] = []
    for piece in candidates:
        if not piece.theirs or piece.here == piece.theirs:
            continue  # the archive has none, or the same
        if piece.here and not newer:
            report.kept.append(
                _("{what} skiljer sig, men kopian här är ändrad senare").format(what=piece.name)
            )
            continue
        if piece.here:
            report.replaced.append(piece.name)
        pieces.append(partial(piece.save, work, archive))
    return pieces


State = tuple[SessionLifecycle, datetime | None, datetime | None]


def _state_of(local: SessionRecord) -> State:
    return local.status, local.started_at, local.ended_at


def _state(archive: Archive, local: SessionRecord, newer: bool) -> State:
    started_at = local.started_at or archive.session.started_at
    # A session running here is this computer's to resume or finish; no archive takes it over.
    if not newer or local.status is SessionLifecycle.RUNNING:
        return local.status, started_at, local.ended_at
    status = status_of(archive)
    ended_at = archive.session.ended_at if status is SessionLifecycle.FINISHED else None
    return status, started_at, ended_at


def _steps(archive: Archive) -> tuple[StepRunRecord, ...]:
    return tuple(
        StepRunRecord(
            s.step_key,
            s.module_id,
            s.step_id,
            s.title,
            s.kind,
            s.planned_seconds,
            s.actual_seconds,
            s.skipped,
        )
        for s in archive.steps
    )


def _attendance(archive: Archive) -> AttendanceCounts | None:
    counts = archive.attendance
    return None if counts is None else AttendanceCounts(**counts.model_dump())


def _evaluation(archive: Archive, work: ImportTransaction) -> tuple[EvaluationResult, ...]:
    """The counts to store: by hand, and the phones' choices too where this computer does not
    hold the phones' answers themselves (then they would count twice)."""
    hand = _results(archive.evaluation)
    if not archive.phone_evaluation or work.has_phone_answers(archive.session.uuid):
        return hand
    return combined(hand, _results(archive.phone_evaluation))


def _results(questions: Iterable[ArchiveQuestion]) -> tuple[EvaluationResult, ...]:
    # In index order, as the database hands them back, so equal answers compare equal.
    return tuple(
        EvaluationResult(
            q.question_id,
            q.question_text,
            tuple(
                EvaluationOption(o.index, o.text, o.count)
                for o in sorted(q.options, key=lambda o: o.index)
            ),
            q.knowledge_indicator,
        )
        for q in questions
    )


def _save_steps(work: ImportTransaction, archive: Archive) -> None:
    work.sessions.save_step_runs(archive.session.uuid, _steps(archive))


def _save_attendance(work: ImportTransaction, archive: Archive) -> None:
    counts = _attendance(archive)
    if counts is not None:
        work.tallies.save_attendance(archive.session.uuid, counts)


def _save_evaluation(work: ImportTransaction, archive: Archive) -> None:
    work.tallies.save_evaluation(archive.session.uuid, _evaluation(archive, work))
