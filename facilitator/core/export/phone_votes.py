"""The phones' evaluation answers beside the hand counts, for every export.

The close-out stores what the leader counted by hand; the phones' choices stay in their own
table (each device's latest choice per question, counted once). A summary, a CSV or a report
shows the sum and says how many answered by phone; an archive carries the two parts apart, so
merging it back never counts a phone twice. A question nobody counted by hand (the close-out
skipped) still shows what the phones said."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from facilitator.core.content.manifest import EvaluationQuestion
from facilitator.core.phones.question import QuestionKind
from facilitator.core.storage.phone_records import PhoneAnswer, PhoneEvaluationCounts
from facilitator.core.storage.records import EvaluationOption, EvaluationResult


def phone_results(
    votes: PhoneEvaluationCounts,
    answers: Iterable[PhoneAnswer],
    questions: Mapping[str, EvaluationQuestion] | None = None,
) -> tuple[EvaluationResult, ...]:
    """The phones' part, one result per question they answered: with every option and the
    knowledge-indicator mark where the module is known (``questions``, by stored key), else
    with the options chosen and the texts the phones were shown."""
    if not votes.counts:
        return ()
    asked: dict[str, tuple[str, dict[int, str]]] = {}
    for answer in answers:
        if answer.kind is QuestionKind.EVALUATION and answer.option_index is not None:
            _text, names = asked.setdefault(answer.question_key, (answer.question_text, {}))
            names.setdefault(answer.option_index, answer.option_text or "")
    results = []
    for key, chosen in votes.counts.items():
        question = (questions or {}).get(key)
        if question is not None:
            every = EvaluationResult(
                key,
                question.text,
                tuple(EvaluationOption(i, o, 0) for i, o in enumerate(question.options)),
                question.indicator == "knowledge",
            )
            results.append(_add(every, chosen))
            continue
        text, names = asked.get(key, (key, {}))
        options = tuple(
            EvaluationOption(index, names.get(index, ""), count)
            for index, count in sorted(chosen.items())
        )
        results.append(EvaluationResult(key, text, options))
    return tuple(results)


def combined(
    hand: Sequence[EvaluationResult], extra: Sequence[EvaluationResult]
) -> tuple[EvaluationResult, ...]:
    """``hand`` with ``extra``'s counts added option by option; questions only ``extra`` has
    follow in its order."""
    more = {result.question_id: result for result in extra}
    merged = [_add(r, _counts(more.pop(r.question_id, None))) for r in hand]
    return (*merged, *(r for r in extra if r.question_id in more))


def _counts(result: EvaluationResult | None) -> dict[int, int]:
    return {} if result is None else {o.index: o.count for o in result.options}


def _add(result: EvaluationResult, chosen: Mapping[int, int]) -> EvaluationResult:
    if not chosen:
        return result
    options = tuple(
        EvaluationOption(o.index, o.text, o.count + chosen.get(o.index, 0)) for o in result.options
    )
    known = {o.index for o in result.options}
    # A choice the hand form did not have (a module changed between the two): kept, not lost.
    extra = tuple(
        EvaluationOption(index, "", count)
        for index, count in sorted(chosen.items())
        if index not in known and count
    )
    return EvaluationResult(
        result.question_id, result.question_text, options + extra, result.knowledge_indicator
    )
