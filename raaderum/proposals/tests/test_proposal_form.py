import pytest
from django.urls import reverse

from raaderum.proposals.models import Proposal
from raaderum.test import create_proposal


def form_data(world, **overrides):
    data = {
        "title": "Digital post til borgere",
        "committee": str(world.children.pk),
        "type": "efficiency",
        "type_rationale": "Samme service, færre breve.",
        "owner": str(world.owner.pk),
        "director": "",
        "summary": "Borgerne får breve digitalt.",
        "origin": "employee",
    }
    data.update(overrides)
    return data


def test_it_creates_a_proposal_with_the_next_code(client, world):
    create_proposal(world.round, world.children, world.owner)
    client.force_login(world.owner)
    response = client.post(
        reverse("proposal_create", args=[world.round.public_id]), form_data(world)
    )
    proposal = Proposal.objects.get(title="Digital post til borgere")
    assert proposal.code == "BU-02"
    assert proposal.round == world.round
    assert response.status_code == 302
    assert response["Location"] == reverse("proposal_effects", args=[proposal.public_id])


def test_codes_are_numbered_per_committee(client, world):
    client.force_login(world.budget_officer)
    url = reverse("proposal_create", args=[world.round.public_id])
    client.post(url, form_data(world, title="A"))
    client.post(url, form_data(world, title="B", committee=str(world.social.pk)))
    client.post(url, form_data(world, title="C"))
    codes = {p.title: p.code for p in Proposal.objects.all()}
    assert codes == {"A": "BU-01", "B": "SU-01", "C": "BU-02"}


def test_errors_are_shown_in_danish_next_to_the_field_and_input_is_kept(client, world):
    client.force_login(world.owner)
    response = client.post(
        reverse("proposal_create", args=[world.round.public_id]),
        form_data(world, title="", type="nonsense", summary="Det jeg skrev"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_title-error"' in html and "Dette felt er påkrævet." in html
    assert 'id="id_type-error"' in html and "Marker en gyldig valgmulighed" in html
    assert "Det jeg skrev" in html
    assert not Proposal.objects.exists()


def test_it_refuses_a_committee_or_owner_of_another_municipality(client, world):
    client.force_login(world.owner)
    response = client.post(
        reverse("proposal_create", args=[world.round.public_id]),
        form_data(
            world, committee=str(world.other_area.committee.pk), owner=str(world.outsider.pk)
        ),
    )
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"committee", "owner"}


def test_a_party_proposal_names_its_party(client, world):
    client.force_login(world.owner)
    url = reverse("proposal_create", args=[world.round.public_id])
    response = client.post(url, form_data(world, origin="party"))
    assert "Skriv navnet på partiet bag partiforslaget." in response.content.decode()
    client.post(url, form_data(world, origin="party", party_name="Venstre"))
    proposal = Proposal.objects.get()
    assert (proposal.origin, proposal.party_name) == ("party", "Venstre")


@pytest.mark.parametrize("persona", ["politician", "reader", "contributor"])
def test_who_may_not_create_gets_403(client, world, persona):
    client.force_login(getattr(world, persona))
    response = client.get(reverse("proposal_create", args=[world.round.public_id]))
    assert response.status_code == 403


def test_another_municipality_gets_404(client, world):
    client.force_login(world.outsider)
    response = client.post(
        reverse("proposal_create", args=[world.round.public_id]), form_data(world)
    )
    assert response.status_code == 404
    assert not Proposal.objects.exists()


def test_editing_saves_and_moves_the_code_with_the_committee(client, world):
    proposal = create_proposal(world.round, world.children, world.owner, title="Gammel titel")
    create_proposal(world.round, world.social, world.owner, title="Andet")
    # Only the budget office moves a proposal to another committee.
    client.force_login(world.budget_officer)
    data = form_data(world, title="Ny titel", committee=str(world.social.pk), version="1")
    response = client.post(reverse("proposal_edit", args=[proposal.public_id]), data)
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.title, proposal.code, proposal.version) == ("Ny titel", "SU-02", 2)
    assert proposal.updated_by == world.budget_officer


def test_two_people_editing_never_silently_overwrite(client, world):
    proposal = create_proposal(world.round, world.children, world.owner, title="Start")
    url = reverse("proposal_edit", args=[proposal.public_id])
    client.force_login(world.budget_officer)
    assert client.post(url, form_data(world, title="Bentes titel", version="1")).status_code == 302
    client.force_login(world.owner)
    response = client.post(url, form_data(world, title="Oles titel", version="1"))
    assert response.status_code == 409
    proposal.refresh_from_db()
    assert proposal.title == "Bentes titel"
    html = response.content.decode()
    assert "En anden har gemt forslaget, mens du redigerede" in html
    assert "Oles titel" in html  # what Ole typed is still in the form
    # Both versions side by side, field by field.
    assert response.context["differences"] == [("Titel", "Bentes titel", "Oles titel")]
    assert 'name="version" value="2"' in html


def test_only_owner_director_contributors_and_budget_office_may_edit(client, world):
    proposal = create_proposal(world.round, world.children, world.budget_officer)
    url = reverse("proposal_edit", args=[proposal.public_id])
    client.force_login(world.owner)
    assert client.get(url).status_code == 403
    proposal.contributors.add(world.owner)
    assert client.get(url).status_code == 200


def test_a_contributor_cannot_take_the_proposal_over(client, world):
    proposal = create_proposal(world.round, world.children, world.owner, title="Fælles")
    proposal.contributors.add(world.contributor)
    client.force_login(world.contributor)
    url = reverse("proposal_edit", args=[proposal.public_id])
    data = form_data(world, title="Ny titel", owner=str(world.contributor.pk), version="1")
    assert client.post(url, data).status_code == 302
    proposal.refresh_from_db()
    assert proposal.title == "Ny titel"  # the text is theirs to help with
    assert proposal.owner == world.owner  # who answers for it is not
    assert list(proposal.contributors.all()) == [world.contributor]


def test_only_fitting_roles_are_offered_and_each_person_once(client, world):
    from raaderum.organisation.models import Membership

    # A reader here who directs in two other municipalities must not be offered as director.
    for other in (world.other_municipality, create_municipality_for_test()):
        Membership.objects.create(user=world.reader, municipality=other, role="director")
    client.force_login(world.budget_officer)
    form = client.get(reverse("proposal_create", args=[world.round.public_id])).context["form"]
    directors = list(form.fields["director"].queryset)
    owners = list(form.fields["owner"].queryset)
    assert directors == [world.director]
    assert world.reader not in owners and world.politician not in owners
    assert len(owners) == len(set(owners))
    data = form_data(world, director=str(world.director.pk))
    assert (
        client.post(reverse("proposal_create", args=[world.round.public_id]), data).status_code
        == 302
    )


def test_writing_a_proposal_for_someone_else_keeps_access(client, world):
    client.force_login(world.director)
    data = form_data(world, owner=str(world.owner.pk))
    response = client.post(reverse("proposal_create", args=[world.round.public_id]), data)
    proposal = Proposal.objects.get()
    assert client.get(response["Location"]).status_code == 200
    assert world.director in proposal.contributors.all()


def create_municipality_for_test():
    from raaderum.test import create_municipality

    return create_municipality("Favrskov Kommune", 710)


def test_new_owners_and_directors_are_told_by_e_mail(
    client, world, mailoutbox, django_capture_on_commit_callbacks
):
    for person in (world.owner, world.director):
        person.email = f"{person.username}@norddjurs.dk"
        person.save()
    proposal = create_proposal(world.round, world.children, world.budget_officer, title="Ny")
    client.force_login(world.budget_officer)
    data = form_data(
        world, title="Ny", owner=str(world.owner.pk), director=str(world.director.pk), version="1"
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("proposal_edit", args=[proposal.public_id]), data)
    recipients = sorted(address for mail in mailoutbox for address in mail.to)
    assert recipients == ["dorte@norddjurs.dk", "ole@norddjurs.dk"]
    assert "ansvarlig for BU-01" in mailoutbox[0].subject + mailoutbox[0].body


def test_an_owner_cannot_change_who_answers_for_the_proposal(client, world):
    """An owner who could pick the director could pick who approves their own proposal."""
    from raaderum.test import create_user

    other_director = create_user("dan", world.municipality, "director")
    proposal = create_proposal(
        world.round, world.children, world.owner, director=world.director, title="Start"
    )
    client.force_login(world.owner)
    url = reverse("proposal_edit", args=[proposal.public_id])
    assert client.get(url).context["form"].fields["director"].disabled
    data = form_data(
        world,
        title="Ny titel",
        director=str(other_director.pk),
        committee=str(world.social.pk),
        contributors=[str(world.contributor.pk)],
        version="1",
    )
    assert client.post(url, data).status_code == 302
    proposal.refresh_from_db()
    assert proposal.title == "Ny titel"
    assert (proposal.director, proposal.committee) == (world.director, world.children)
    assert not proposal.contributors.exists()


@pytest.mark.parametrize("status", ["approved", "in_catalog"])
def test_changing_the_director_voids_the_approval(client, world, status):
    from django.utils import timezone

    from raaderum.proposals.models import Transition
    from raaderum.test import create_user

    other_director = create_user("dan", world.municipality, "director")
    proposal = create_proposal(
        world.round,
        world.children,
        world.owner,
        director=world.director,
        status=status,
        effects={(world.schools, 2027): -1_000, (world.elderly, 2027): -1_000},
    )
    Proposal.objects.filter(pk=proposal.pk).update(
        approved_by=world.director,
        approved_at=timezone.now(),
        signed_off_by=world.budget_officer,
        signed_off_at=timezone.now(),
    )
    proposal.refresh_from_db()
    client.force_login(world.budget_officer)
    data = form_data(
        world, title=proposal.title, director=str(other_director.pk), version=proposal.version
    )
    response = client.post(reverse("proposal_edit", args=[proposal.public_id]), data)
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.approved_by is None and proposal.approved_at is None
    assert proposal.signed_off_by == world.budget_officer  # the calculation still holds
    expected = "signed_off" if status == "approved" else status
    assert proposal.status == expected
    transition = Transition.objects.get(proposal=proposal)
    assert (transition.action, transition.from_status, transition.to_status) == (
        "void_approval",
        status,
        expected,
    )


def test_the_creator_keeps_access_in_the_same_transaction(world):
    from raaderum.proposals.actions import do_create_proposal

    fields = {"committee": world.children, "title": "T", "type": "saving", "owner": world.owner}
    proposal = do_create_proposal(
        world.round, fields, user=world.director, creator_keeps_access=True
    )
    assert list(proposal.contributors.all()) == [world.director]
    own = do_create_proposal(world.round, fields, user=world.owner, creator_keeps_access=True)
    assert not own.contributors.exists()  # the owner needs no extra access
    plain = do_create_proposal(world.round, fields, user=world.director)
    assert not plain.contributors.exists()


def opened(client, proposal):
    """The edit form as the user opened it: every field's value, version and snapshot."""
    form = client.get(reverse("proposal_edit", args=[proposal.public_id])).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, list):
            value = [str(getattr(item, "pk", item)) for item in value]
        data[name] = "" if value is None else value
    return data


def test_a_stale_save_merges_changes_to_different_fields(client, world):
    """The reviewer's case: the budget office adds risks while the owner edits the title."""
    proposal = create_proposal(world.round, world.children, world.owner, title="Start")
    url = reverse("proposal_edit", args=[proposal.public_id])
    client.force_login(world.owner)
    owners_form = opened(client, proposal)
    client.force_login(world.budget_officer)
    offices_form = opened(client, proposal)
    offices_form["risks"] = "Forældrene klager."
    assert client.post(url, offices_form).status_code == 302
    client.force_login(world.owner)
    owners_form["title"] = "Oles titel"
    response = client.post(url, owners_form, follow=True)
    assert response.redirect_chain[-1][0] == reverse("proposal_detail", args=[proposal.public_id])
    proposal.refresh_from_db()
    assert (proposal.title, proposal.risks) == ("Oles titel", "Forældrene klager.")
    assert proposal.version == 3
    assert "Forslaget var ændret af Bente Testesen; dine ændringer er flettet ind" in (
        response.content.decode()
    )


def test_a_stale_save_of_the_same_field_is_a_clash_and_saves_nothing(client, world):
    proposal = create_proposal(world.round, world.children, world.owner, title="Start")
    url = reverse("proposal_edit", args=[proposal.public_id])
    client.force_login(world.owner)
    owners_form = opened(client, proposal)
    client.force_login(world.budget_officer)
    offices_form = opened(client, proposal)
    offices_form.update(title="Bentes titel", risks="Forældrene klager.")
    assert client.post(url, offices_form).status_code == 302
    client.force_login(world.owner)
    owners_form["title"] = "Oles titel"
    response = client.post(url, owners_form)
    assert response.status_code == 409
    proposal.refresh_from_db()
    assert (proposal.title, proposal.version) == ("Bentes titel", 2)
    # Only the real clash is shown; the other change is already merged into the form.
    assert response.context["differences"] == [("Titel", "Bentes titel", "Oles titel")]
    form = response.context["form"]
    assert form["title"].value() == "Oles titel"
    assert form["risks"].value() == "Forældrene klager."
    # Saving again after seeing both keeps the owner's title and the office's risks.
    again = {name: form[name].value() for name in form.fields}
    again = {k: ("" if v is None else v) for k, v in again.items()}
    assert client.post(url, again).status_code == 302
    proposal.refresh_from_db()
    assert (proposal.title, proposal.risks) == ("Oles titel", "Forældrene klager.")
