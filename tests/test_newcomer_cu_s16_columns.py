"""Newcomer session 16 (a credit union's member interviews): a sheet's columns read as what they
are, whatever the export or the language of their headers (kit.column_roles).

F14: a withdrawal under a Spanish `Estado` header was lost (the member quoted and thanked); F1: "Consent
to Quote (Y/N)" was not read as consent_quote (`Si` unchecked); F2: check named no email or phone
column; F8: a CRM sheet's P-002 was "the same person" as another study's P-002."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data" / "newcomer-credit-union"


def _study(tmp_path, sheet: str | None = None, text: str | None = None, name: str = "study"):
    from kit.scaffold import new_study

    root = tmp_path / name
    new_study(root)
    if sheet:
        shutil.copy(DATA / sheet, root / "participants.csv")
    else:
        (root / "participants.csv").write_text(text, encoding="utf-8")
    return root


def _load(root):
    from kit.study import load_study

    study = load_study(root, strict=False)
    said = [p for p in study.problems if p.path.endswith("participants.csv")]
    return study, said


def _row(study, pid):
    return study.participants.set_index("id").loc[pid]


# -- F14: a withdrawal under another header is never lost --------------------------------------------
def test_f14_a_spanish_estado_column_is_read_as_status_and_the_withdrawal_holds(tmp_path):
    study, said = _load(_study(tmp_path, "col-estado-es.csv"))
    assert _row(study, "P-009")["status"] == "withdrawn"
    assert bool(_row(study, "P-009")["consent_quote"]) is False  # withheld everywhere
    assert bool(_row(study, "P-002")["consent_quote"]) is True
    assert any(p.line == 1 and "'Estado' is read as 'status'" in p.message and p.level == "warning" for p in said)
    assert any(p.line == 4 and "withdrew from the study" in p.message for p in said), said
    from kit.sample import withdrawn

    assert withdrawn(study) == {"P-009"}
    assert all("Kevin" not in p.message for p in said)


@pytest.mark.parametrize("header", ["Status do contato", "Statut du participant", "Estado del socio", "Member Status",
                                    "Teilnehmerstatus", "Resultado"])
def test_f14_a_status_column_under_any_header_or_by_its_values_is_read(tmp_path, header):
    text = f"id,name,{header},consent_quote\nP-001,Ana Ruiz,completed,yes\nP-002,Luis Mora,withdrawn,yes\n" \
           "P-003,Eva Sanz,no show,yes\n"
    study, said = _load(_study(tmp_path, text=text))
    assert _row(study, "P-002")["status"] == "withdrawn"
    assert bool(_row(study, "P-002")["consent_quote"]) is False
    assert _row(study, "P-003")["status"] == "no-show"
    assert any(p.line == 1 and f"{header!r} is read as 'status'" in p.message for p in said), said
    assert not any(p.is_error for p in said), said


@pytest.mark.parametrize("written", ["retirado", "Retirada", "zurückgezogen", "wycofany", "desistiu"])
def test_f14_a_withdrawal_written_in_another_language_is_a_withdrawal(tmp_path, written):
    text = f"id,name,Estado,consent_quote\nP-001,Ana Ruiz,completado,yes\nP-002,Luis Mora,{written},yes\n"
    study, said = _load(_study(tmp_path, text=text))
    assert _row(study, "P-002")["status"] == "withdrawn"
    assert bool(_row(study, "P-002")["consent_quote"]) is False
    assert _row(study, "P-001")["status"] == "completed"


def test_f14_a_withdrawal_in_a_column_that_is_no_status_stops_with_a_located_error(tmp_path):
    text = "id,name,Notas,consent_quote\nP-001,Ana Ruiz,prefers mornings,yes\nP-002,Luis Mora,Withdrew (emailed 3/9),yes\n" \
           "P-003,Eva Sanz,,yes\n"
    study, said = _load(_study(tmp_path, text=text))
    errors = [p for p in said if p.is_error]
    assert [p.line for p in errors] == [3], said
    assert "'Notas'" in errors[0].message and "'status'" in errors[0].message
    assert "Luis" not in errors[0].message


def test_f14_an_estado_column_of_regions_is_not_a_status(tmp_path):
    text = "id,name,Estado,consent_quote\nP-001,Ana Ruiz,Jalisco,yes\nP-002,Luis Mora,Sonora,yes\n"
    study, said = _load(_study(tmp_path, text=text))
    assert "Estado" in study.participants.columns  # an attribute, as written
    assert not any(p.is_error for p in said), said
    assert not any("'Estado' is read as" in p.message for p in said)


# -- F1: consent columns under a CRM's or another language's header -------------------------------------
def test_f1_crm_consent_headers_are_read_and_their_values_checked(tmp_path):
    study, said = _load(_study(tmp_path, "col-crm-headers.csv"))
    assert {"consent_quote", "consent_record"} <= set(study.participants.columns)
    assert any(p.line == 1 and "'Consent to Quote (Y/N)' is read as 'consent_quote'" in p.message for p in said)
    assert any(p.line == 1 and "'Consent to Record' is read as 'consent_record'" in p.message for p in said)
    assert not any("no consent_quote column" in p.message for p in said)
    errors = {p.line: p.message for p in said if p.is_error}
    assert "consent_quote must be yes or no, not 'Si'" in errors[3]
    assert "consent_quote must be yes or no, not 'Y - first name only'" in errors[4]
    assert bool(_row(study, "P-001")["consent_quote"]) is True


def test_f1_a_consent_header_no_rule_reads_stops_with_how_to_map_it(tmp_path):
    text = "id,name,Consentimiento,status\nP-001,Ana Ruiz,sí,completed\n"
    study, said = _load(_study(tmp_path, text=text))
    errors = [p for p in said if p.is_error and p.line == 1]
    assert errors and "'Consentimiento'" in errors[0].message and "consent_quote" in errors[0].message, said


# -- F2: check names each column taken as a role -----------------------------------------------------------
def test_f2_check_names_the_email_and_phone_columns_of_a_crm_sheet(tmp_path):
    study, said = _load(_study(tmp_path, "col-crm-renamed-consent.csv"))
    first = [p.message for p in said if p.line == 1 and p.level == "warning"]
    assert any("'Primary Email' is read as 'email'" in m for m in first), first
    assert any("'Cell' is read as 'phone'" in m for m in first), first
    assert any("'Member Full Name' is read as 'name'" in m for m in first), first
    assert _row(study, "P-002")["email"] == "jramirez77@yahoo.com"


@pytest.mark.parametrize("header, role", [
    ("Consent to Quote (Y/N)", "consent_quote"), ("OK to quote?", "consent_quote"),
    ("Consentimiento para citar", "consent_quote"), ("Consentement citation", "consent_quote"),
    ("Einwilligung Zitat", "consent_quote"), ("Zgoda na cytowanie", "consent_quote"),
    ("Caniatâd dyfynnu", "consent_quote"), ("Consentimento para citar", "consent_quote"),
    ("Recording consent", "consent_record"), ("Autoriza grabación", "consent_record"),
    ("Primary Email", "email"), ("Work E-mail", "email"), ("Client Email Address", "email"),
    ("Correo electrónico", "email"), ("Courriel", "email"), ("E-Mail-Adresse", "email"), ("E-bost", "email"),
    ("Cell", "phone"), ("Mobile Phone Number", "phone"), ("Celular", "phone"), ("Téléphone portable", "phone"),
    ("Handynummer", "phone"), ("Telefone", "phone"), ("Rhif ffôn", "phone"),
    ("Member Full Name", "name"), ("Client Name", "name"), ("Nombre completo", "name"), ("Nom complet", "name"),
    ("Nome completo", "name"), ("Imię i nazwisko", "name"), ("Enw", "name"), ("Buong pangalan", "name"),
    ("Estado", "status"), ("Status do contato", "status"), ("Statut", "status"), ("Katayuan", "status"),
    ("Participant ID", "id"), ("Customer Segment", "segment"), ("Segmento", "segment"),
])
def test_one_table_of_header_forms_reads_each_role(header, role):
    from kit.column_roles import header_role

    assert header_role(header) == role


@pytest.mark.parametrize("header", ["Member Number", "Member ID", "Client No", "Parent Email", "Emergency Contact Phone",
                                    "Pet Name", "First Name", "Estado civil", "Quota", "Branch", "Número de socio",
                                    "interpreter_phone", "Consent date"])
def test_headers_of_someone_else_or_of_an_identifier_name_no_role(header):
    from kit.column_roles import header_role

    assert header_role(header) is None


# -- F8: cross-study identity through the columns read as name and email ---------------------------------
def _repo(tmp_path, *sheets):
    folders = []
    for i, sheet in enumerate(sheets):
        folder = tmp_path / f"s{i}"
        folder.mkdir()
        shutil.copy(DATA / sheet, folder / "participants.csv")
        folders.append(folder)
    return folders


def test_f8_a_crm_sheets_p002_is_not_the_template_p002(tmp_path):
    from kit.consent_repository import consent_conflicts, consent_rows

    crm, template = _repo(tmp_path, "col-crm-renamed-consent.csv", "col-template-participants.csv")
    jose = {r.participant: r for r in consent_rows(crm)}["P-002"]
    assert jose.email == "jramirez77@yahoo.com" and jose.name == "jose ramirez"
    warnings, withdrawn = consent_conflicts([crm, template])
    assert withdrawn == set()  # no withdrawal recorded from another person's row
    assert not any("differs across" in w.message for w in warnings), warnings


def test_f8_the_same_person_under_a_crm_email_header_is_still_compared(tmp_path):
    from kit.consent_repository import consent_conflicts

    crm, = _repo(tmp_path, "col-crm-renamed-consent.csv")
    other = tmp_path / "later"
    other.mkdir()
    (other / "participants.csv").write_text("id,name,email,status,consent_quote\n"
                                            "P-107,J. Ramirez,JRamirez77@yahoo.com,completed,no\n", encoding="utf-8")
    warnings, withdrawn = consent_conflicts([crm, other])
    assert (crm, "P-002") in withdrawn  # the no of the later study wins where the repository is read
    assert any(w.line == 3 and "differs across" in w.message for w in warnings), warnings


# -- F14 end to end: run publishes nothing of, and drafts nothing to, the member who withdrew ----------------
@pytest.mark.slow
def test_f14_run_withholds_and_thanks_nobody_who_withdrew_under_a_spanish_header(tmp_path):
    from kit.pipeline import run

    root = tmp_path / "pilot"
    shutil.copytree(Path(__file__).parents[1] / "kit" / "data" / "pilot", root)
    sheet = root / "participants.csv"
    lines = sheet.read_text(encoding="utf-8").splitlines()
    header = lines[0].replace("name,email", "Nombre completo,Correo electrónico").replace("status", "Estado")
    body = [line.replace(",completed,", ",withdrawn,", 1) if line.startswith("P-018,") else line for line in lines[1:]]
    sheet.write_text("\n".join([header, *body]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    run(root, out)
    published = " ".join(p.read_text(encoding="utf-8", errors="replace") for p in out.rglob("*")
                         if p.is_file() and p.suffix in (".csv", ".html", ".md", ".json"))
    assert "INT-014" in published and "INT-014#q" not in published  # the interview is counted; no segment of
    # theirs is in any table (newcomer s16 F3: their words leave the study when it is loaded)
    assert "I want the robot to do the chasing" not in published  # P-018's key quote (INT-014)
    drafts = Path(str(out) + "-private")
    assert not list(drafts.rglob("INT-014*")), list(drafts.rglob("*"))
