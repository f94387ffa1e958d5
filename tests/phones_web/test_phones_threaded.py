"""The threads as in the app: the gateway owned by one thread (standing in for the GUI's),
its writes on a separate serial worker thread with results handed back to the owner, and the
phone server on its own. "Skickat" still means committed."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Any

from facilitator.core.application.broadcast import Broadcast
from facilitator.core.application.storage_gateway import StorageGateway
from facilitator.core.paths import resolve_paths
from facilitator.core.phones.question import prompt
from tests.phones_web.phone_rig import phone_session


class OwnerThread:
    """A thread that runs what it is handed, in order: the GUI thread's event loop."""

    def __init__(self) -> None:
        self._inbox: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self.thread = threading.Thread(target=self._run, name="owner", daemon=True)
        self.thread.start()

    def post(self, work: Callable[[], None]) -> None:
        self._inbox.put(work)

    def call(self, work: Callable[[], Any]) -> Any:
        done: queue.Queue[Any] = queue.Queue()
        self.post(lambda: done.put(work()))
        return done.get(timeout=30)

    def stop(self) -> None:
        self._inbox.put(None)
        self.thread.join(timeout=30)

    def _run(self) -> None:
        while (work := self._inbox.get()) is not None:
            work()


class WorkerExecutor:
    """A ``SerialExecutor`` like ui/serial_writer.py: one worker thread runs the work in order,
    and each result goes back to the owner thread."""

    def __init__(self, owner: OwnerThread) -> None:
        self.trouble: Broadcast[str] = Broadcast()
        self.recovered: Broadcast[None] = Broadcast()
        self._owner = owner
        self._jobs: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self.worker = threading.Thread(target=self._run, name="serial-writer", daemon=True)
        self.worker.start()
        self.threads: set[str] = set()

    def submit(self, work: Callable[[], Any], on_done: Any = None, on_error: Any = None) -> None:
        def job() -> None:
            self.threads.add(threading.current_thread().name)
            try:
                result = work()
            except Exception as error:
                if on_error is not None:
                    self._owner.post(lambda failure=error: on_error(failure))
                return
            if on_done is not None:
                self._owner.post(lambda: on_done(result))

        self._jobs.put(job)

    @property
    def pending(self) -> int:
        return self._jobs.qsize()

    def flush(self) -> int:
        return 0

    def stop(self) -> None:
        self._jobs.put(None)
        self.worker.join(timeout=30)

    def _run(self) -> None:
        while (job := self._jobs.get()) is not None:
            job()


def test_answers_from_many_phones_through_the_real_threads() -> None:
    owner = OwnerThread()
    executor = WorkerExecutor(owner)
    try:
        paths = resolve_paths(portable=False)
        paths.ensure()
        storage = owner.call(lambda: StorageGateway(executor, paths))
        opened = threading.Event()
        owner.call(lambda: (storage.opened.connect(lambda _n: opened.set()), storage.open()))
        assert opened.wait(30)
        received: list[str] = []

        def built(s: Any) -> None:
            s.room.received.connect(
                lambda answers: received.append(threading.current_thread().name)
            )

        with phone_session(storage=storage, hop=owner.post) as s:
            built(s)
            owner.call(lambda: s.room.open_question(prompt("m/samtal", "Vad hände?")))
            phones = [s.phone() for _ in range(8)]
            results: list[int] = []

            def answer(phone: Any, n: int) -> None:
                phone.join("482913")
                results.append(phone.answer(f"Svar {n}").status)

            workers = [threading.Thread(target=answer, args=(p, n)) for n, p in enumerate(phones)]
            for worker in workers:
                worker.start()
            for worker in workers:
                worker.join(timeout=60)
            assert results == [200] * 8
            # Every phone that was told "Skickat" is in the file.
            assert sorted(r[0] for r in s.rows()) == sorted(f"Svar {n}" for n in range(8))
            assert executor.threads == {"serial-writer"}
            owner.call(lambda: None)  # the last announcements have run
            assert set(received) == {"owner"}
    finally:
        executor.stop()
        owner.stop()
