"""The evaluation at the close of a session: each question's options with how many chose them,
and the knowledge indicator against its target, live as the leader counts hands.

Imported through ``closeout_pages``; kept apart so each file stays small.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from facilitator.core.content.manifest import EvaluationQuestion
from facilitator.core.i18n import _, ngettext
from facilitator.core.planning import question_keys
from facilitator.core.settings import DEFAULT_KNOWLEDGE_TARGET_PERCENT
from facilitator.core.storage.records import EvaluationOption, EvaluationResult
from facilitator.ui.widgets.count_spin import CountSpin


class PhoneCounts(Protocol):
    """The phones' evaluation answers (``PhoneRoom.evaluation_counts``): how many chose each
    option of each question, and how many phones answered at all."""

    @property
    def devices(self) -> int: ...

    def count(self, question_key: str, option_index: int) -> int: ...


# The verdict is in the words; the tint (the look's, with its own text colour: console.qss,
# QLabel#knowledgeIndicator) only helps the eye find the line.
VERDICT = {None: "", True: "reached", False: "below"}


def knowledge_share(positive: int, answers: int) -> int:
    """Whole percent, rounded down: 59.6 % shows as 59 % and does not reach a 60 % target,
    so the number shown and the verdict never disagree."""
    return positive * 100 // answers if answers else 0


@dataclass
class _Block:
    key: str
    question: EvaluationQuestion
    spins: list[CountSpin]
    answers: QLabel
    indicator: QLabel | None


class EvaluationPage(QWidget):
    saved = Signal(list)  # list[EvaluationResult]
    skipped = Signal()

    def __init__(
        self, target_percent: int = DEFAULT_KNOWLEDGE_TARGET_PERCENT, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("evaluationPage")
        self._target = target_percent
        self._participants: int | None = None
        self._blocks: list[_Block] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        heading = QLabel(_("Utvärdering"))
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)
        hint = QLabel(_("Läs frågan högt och skriv in hur många som valde varje svar."))
        hint.setObjectName("muted")
        hint.setStyleSheet("font-size: 12pt;")
        layout.addWidget(hint)
        self.phone_line = QLabel()
        self.phone_line.setObjectName("phoneAnswered")
        self.phone_line.hide()
        layout.addWidget(self.phone_line)
        self._phones: PhoneCounts | None = None
        scroll = QScrollArea()
        # The count fields are the Tab stops; the area scrolls to the one with the focus.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setAccessibleName(_("Frågor"))
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        host = QWidget()
        self._column = QVBoxLayout(host)
        self._column.setContentsMargins(0, 0, 12, 0)
        self._column.setSpacing(16)
        scroll.setWidget(host)
        layout.addWidget(scroll, 1)
        footer = QHBoxLayout()
        footer.addStretch(1)
        skip = QPushButton(_("Hoppa över"))
        skip.setToolTip(_("Gå vidare utan utvärdering"))
        skip.setMinimumHeight(48)
        skip.setStyleSheet("font-size: 12pt;")
        skip.clicked.connect(self.skipped.emit)
        save = QPushButton(_("Spara"))
        save.setObjectName("primary")
        save.setToolTip(_("Spara svaren (Ctrl+Enter)"))
        save.setMinimumHeight(48)
        save.setStyleSheet("font-size: 12pt;")
        save.setShortcut("Ctrl+Return")
        save.clicked.connect(self._save)
        footer.addWidget(skip)
        footer.addWidget(save)
        layout.addLayout(footer)

    def set_questions(
        self,
        questions: Sequence[tuple[str, EvaluationQuestion]],
        module_titles: Mapping[str, str] | None = None,
    ) -> None:
        """(module id, question) in the order the session asks them; counts start at zero.
        With titles for more than one module, each module's questions get a heading."""
        while self._column.count():
            item = self._column.takeAt(0)
            if item is not None and (widget := item.widget()) is not None:
                widget.deleteLater()
        self._blocks = []
        titles = module_titles or {}
        headed = len({module_id for module_id, _q in questions}) > 1
        last_module: str | None = None
        for key, (module_id, question) in zip(question_keys(questions), questions, strict=True):
            if headed and module_id != last_module:
                heading = QLabel(titles.get(module_id, module_id))
                heading.setStyleSheet("font-size: 15pt; font-weight: 600; padding-top: 8px;")
                self._column.addWidget(heading)
            last_module = module_id
            self._column.addWidget(self._question_block(key, question))
        self._column.addStretch(1)
        self._refresh()

    def focus_first(self) -> None:
        if self._blocks:
            self._blocks[0].spins[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def set_target(self, percent: int) -> None:
        self._target = percent
        self._refresh()

    def set_participant_count(self, count: int | None) -> None:
        """The attendance total, shown beside each question's answers to compare with."""
        self._participants = count
        self._refresh()

    def set_phone_counts(self, counts: PhoneCounts | None) -> None:
        """The phones' answers, added to the hands counted here in each question's total and
        in the knowledge indicator; the count fields (and ``results``) stay the hands'."""
        self._phones = counts
        if counts is None or not counts.devices:
            self.phone_line.hide()
        else:
            self.phone_line.setText(
                ngettext("{n} svarade på mobilen", "{n} svarade på mobilen", counts.devices).format(
                    n=counts.devices
                )
            )
            self.phone_line.show()
        self._refresh()

    def set_results(self, results: Sequence[EvaluationResult]) -> None:
        """Counts saved earlier, matched by question id and option index."""
        by_key = {r.question_id: r for r in results}
        for block in self._blocks:
            found = by_key.get(block.key)
            counts = {o.index: o.count for o in found.options} if found else {}
            for index, spin in enumerate(block.spins):
                spin.set_value(counts.get(index, 0))
        self._refresh()

    def _save(self) -> None:
        self.saved.emit(self.results())

    def results(self) -> list[EvaluationResult]:
        return [
            EvaluationResult(
                question_id=block.key,
                question_text=block.question.text,
                options=tuple(
                    EvaluationOption(index=i, text=text, count=block.spins[i].value())
                    for i, text in enumerate(block.question.options)
                ),
                knowledge_indicator=block.question.indicator == "knowledge",
            )
            for block in self._blocks
        ]

    def indicator_texts(self) -> list[str]:
        return [b.indicator.text() for b in self._blocks if b.indicator is not None]

    def _question_block(self, key: str, question: EvaluationQuestion) -> QFrame:
        box = QFrame()
        box.setObjectName("card")
        column = QVBoxLayout(box)
        column.setContentsMargins(20, 14, 20, 14)
        text = QLabel(question.text)
        text.setWordWrap(True)
        text.setStyleSheet("font-size: 14pt; font-weight: 600;")
        column.addWidget(text)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(4)
        spins: list[CountSpin] = []
        for index, option in enumerate(question.options):
            label = QLabel(option)
            label.setWordWrap(True)
            label.setStyleSheet("font-size: 12pt;")
            spin = CountSpin(f"{question.text} – {option}")
            label.setBuddy(spin.spin)
            spin.value_changed.connect(self._refresh)
            grid.addWidget(label, 0, index, Qt.AlignmentFlag.AlignBottom)
            grid.addWidget(spin, 1, index, Qt.AlignmentFlag.AlignLeft)
            spins.append(spin)
        grid.setColumnStretch(len(question.options), 1)
        column.addLayout(grid)
        answers = QLabel()
        answers.setObjectName("muted")
        answers.setStyleSheet("font-size: 11pt;")
        column.addWidget(answers)
        indicator: QLabel | None = None
        if question.indicator == "knowledge":
            indicator = QLabel()
            indicator.setObjectName("knowledgeIndicator")
            indicator.setWordWrap(True)
            column.addWidget(indicator)
        self._blocks.append(_Block(key, question, spins, answers, indicator))
        return box

    def _refresh(self) -> None:
        for block in self._blocks:
            phones = [
                self._phones.count(block.key, index) if self._phones is not None else 0
                for index in range(len(block.spins))
            ]
            counts = [spin.value() + phone for spin, phone in zip(block.spins, phones, strict=True)]
            total = sum(counts)
            answered = ngettext("{n} svar", "{n} svar", total).format(n=total)
            if sum(phones):
                answered = _("{answered} (varav {n} på mobilen)").format(
                    answered=answered, n=sum(phones)
                )
            if self._participants is not None:
                answered = ngettext(
                    "{answered} av {n} deltagare", "{answered} av {n} deltagare", self._participants
                ).format(answered=answered, n=self._participants)
            block.answers.setText(answered)
            if block.indicator is not None:
                positive = sum(counts[i] for i in block.question.positive_options)
                block.indicator.setText(self._indicator_text(positive, total))
                reached = knowledge_share(positive, total) >= self._target if total else None
                if block.indicator.property("verdict") != VERDICT[reached]:
                    block.indicator.setProperty("verdict", VERDICT[reached])
                    block.indicator.style().unpolish(block.indicator)
                    block.indicator.style().polish(block.indicator)

    def _indicator_text(self, positive: int, answers: int) -> str:
        if not answers:
            return _("Kunskapsmålet: {target} % ska ha fått mer kunskap. Inga svar ännu.").format(
                target=self._target
            )
        share = knowledge_share(positive, answers)
        verdict = _("Målet nås") if share >= self._target else _("Under målet")
        return _(
            "{verdict}: {share} % har fått mer kunskap ({positive} av {answers}). "
            "Målet är {target} %."
        ).format(
            verdict=verdict, share=share, positive=positive, answers=answers, target=self._target
        )
