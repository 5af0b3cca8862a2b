from raaderum.questions.actions import do_approve_answer, do_ask_question, do_save_answer


def ask(world, published=None, text="Hvor mange pladser lukker?", **kwargs):
    return do_ask_question(
        world.round, user=world.politician, text=text, published=published, **kwargs
    )


def answered(world, published, *, public=False, text="Hvor mange pladser lukker?"):
    question = ask(world, published, text=text)
    question = do_save_answer(question, user=world.owner, text="24 pladser.", submit=True)
    return do_approve_answer(question, user=world.budget_officer, public=public)
