"""Evidence: refused by type, content and size at the field; served only after an access check."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from raaderum.followup import evidence
from raaderum.followup.models import Evidence, Realisation
from raaderum.followup.tests.helpers import adopt, assess, url_args
from raaderum.followup.tests.test_evidence_checks import PDF, PNG

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(client, world):
    adopt(world)
    client.force_login(world.owner)
    client.post(
        reverse("followup_realisation", args=url_args("BU-01", 2027)),
        {"version": "0", "realised": "900.000", "status": "", "assessment": "", "learning": ""},
    )
    return Realisation.objects.get()


def upload(client, name, content, description="Udtræk fra økonomisystemet"):
    return client.post(
        reverse("followup_evidence_upload", args=url_args("BU-01", 2027)),
        {"file": SimpleUploadedFile(name, content), "description": description},
    )


def download_url(found):
    return reverse("followup_evidence_file", args=url_args("BU-01", 2027, found.public_id))


def test_the_owner_attaches_a_pdf_and_it_is_served_as_a_download(client, world, draft):
    response = upload(client, "regnskab 2027.pdf", PDF)
    assert response.status_code == 302
    found = Evidence.objects.get()
    assert (found.name, found.content_type, found.size, found.uploaded_by) == (
        "regnskab 2027.pdf",
        "application/pdf",
        len(PDF),
        world.owner,
    )
    response = client.get(download_url(found))
    assert response.status_code == 200
    assert response.content == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="regnskab 2027.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "program.exe",
            b"MZ\x90\x00",
            "Vedhæft en PDF-, Word- (.docx), Excel- (.xlsx), PNG-, JPG- eller CSV-fil.",
        ),
        (
            "forklædt.pdf",
            b"<html><script>alert(1)</script></html>",
            "Filens indhold passer ikke til dens navn (.pdf).",
        ),
        ("billede.jpg", PNG, "Filens indhold passer ikke til dens navn (.jpg)."),
    ],
)
def test_a_wrong_type_is_refused_at_the_field(client, draft, name, content, message):
    response = upload(client, name, content)
    assert response.status_code == 422
    assert message in response.context["evidence_form"].errors["file"][0]
    assert 'id="id_file-error"' in response.content.decode()
    assert not Evidence.objects.exists()


def test_a_file_over_10_mb_is_refused(client, draft, monkeypatch):
    monkeypatch.setattr(evidence, "MAX_SIZE", 1000)
    response = upload(client, "stor.pdf", PDF + b"x" * 1000)
    assert response.status_code == 422
    assert response.context["evidence_form"].errors["file"] == ["Filen er større end 10 MB."]
    assert not Evidence.objects.exists()


def test_who_may_download(client, world, draft):
    upload(client, "regnskab.pdf", PDF)
    found = Evidence.objects.get()
    url = download_url(found)
    # Unapproved: the administration, not the politicians.
    client.force_login(world.reader)
    assert client.get(url).status_code == 200
    client.force_login(world.politician)
    assert client.get(url).status_code == 404
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302
    # Evidence of another year's URL is not found under this one.
    other = reverse("followup_evidence_file", args=url_args("BU-01", 2028, found.public_id))
    client.force_login(world.budget_officer)
    assert client.get(other).status_code == 404
    # Once approved, politicians may read it too.
    assess(world, "BU-01", 2027, 900_000)
    client.force_login(world.politician)
    assert client.get(url).status_code == 200


def test_only_those_who_enter_may_attach_or_remove(client, world, draft):
    upload(client, "regnskab.pdf", PDF)
    found = Evidence.objects.get()
    delete = reverse("followup_evidence_delete", args=url_args("BU-01", 2027, found.public_id))
    client.force_login(world.politician)
    assert upload(client, "mere.pdf", PDF).status_code == 403
    assert client.post(delete).status_code == 403
    client.force_login(world.owner)
    assert client.post(delete).status_code == 302
    assert not Evidence.objects.exists()


def test_nothing_can_be_attached_once_submitted(client, world, draft):
    assess(world, "BU-01", 2027, 900_000, approve=False)
    client.force_login(world.owner)
    response = upload(client, "regnskab.pdf", PDF)
    assert response.status_code == 302
    assert not Evidence.objects.exists()
