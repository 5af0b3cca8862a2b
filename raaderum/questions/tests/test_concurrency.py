"""Two politicians asking at the same moment get consecutive numbers, never the same one.

Real threads with their own database connections. SQLite's in-memory test database is shared
between connections in a way that refuses a second writer instead of letting it wait, so this
runs on PostgreSQL (as CI does); the retry and the lock are tested on both in test_ask.py.
"""

import threading

import pytest
from django.db import connection, connections

from raaderum.questions.actions import do_ask_question
from raaderum.questions.models import Question

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs a database where writers wait"
    ),
]

ASKERS = 6


def test_simultaneous_questions_get_consecutive_numbers(world, published):
    barrier = threading.Barrier(ASKERS)
    errors = []

    def ask_one(n):
        try:
            barrier.wait()
            do_ask_question(
                world.round, user=world.politician, text=f"Spørgsmål {n}", published=published
            )
        except Exception as error:  # reported below, in the test's thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=ask_one, args=(n,)) for n in range(ASKERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(Question.objects.filter(round=world.round).values_list("number", flat=True))
    assert numbers == list(range(1, ASKERS + 1))
