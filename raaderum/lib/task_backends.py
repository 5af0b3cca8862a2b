"""A django-tasks backend that runs each task in a thread of the web process.

The request that asks for a catalog PDF returns at once and the page shows the progress, with no
worker process to run and monitor — enough for a municipality's few PDFs a day. If the process
stops mid-task the work is lost; the publication app notices a stale task and lets the user ask
again. A queue with a separate worker (django-tasks-db) can replace this by configuration alone.
"""

from __future__ import annotations

import threading
from typing import Any

from django.db import connections
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import Task, TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id


class ThreadBackend(ImmediateBackend):
    def enqueue(self, task: Task[Any, Any], args: Any, kwargs: Any) -> TaskResult[Any]:
        self.validate_task(task)
        task_result: TaskResult[Any] = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )

        def run() -> None:
            try:
                self._execute_task(task_result)
            finally:
                connections.close_all()  # this thread's own connections

        threading.Thread(target=run, name=f"task-{task.name}", daemon=True).start()
        return task_result
