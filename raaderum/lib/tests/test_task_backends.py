import threading

from django_tasks import task

from raaderum.lib.task_backends import ThreadBackend

started = threading.Event()
release = threading.Event()
finished = threading.Event()


@task()
def slow_job(value: int) -> int:
    started.set()
    release.wait(5)
    finished.set()
    return value * 2


def test_the_request_does_not_wait_for_the_task():
    backend = ThreadBackend("default", {"OPTIONS": {}})
    result = backend.enqueue(slow_job, (21,), {})
    assert started.wait(5)
    assert not finished.is_set()  # enqueue returned while the task still runs
    release.set()
    assert finished.wait(5)
    for _ in range(100):
        if result.status == "SUCCESSFUL":
            break
        threading.Event().wait(0.02)
    assert result.status == "SUCCESSFUL"
    assert result.return_value == 42
