"""kit.langid_model: py3langid's model read from a quick copy gives the same identifier."""
from __future__ import annotations

import numpy as np
import pytest

from kit import langid_model

TEXTS = ["hola, ¿qué tal estás? Nos vemos mañana en la oficina", "The invoice was paid three weeks late",
         "Die Rechnung wurde zu spät bezahlt", "la facture a été payée en retard", "ok", "12 34"]


@pytest.mark.slow  # decompresses the shipped model twice (about 3 s)
def test_the_copy_gives_the_identifier_of_the_shipped_model(monkeypatch, tmp_path):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    monkeypatch.setenv("INTERVIEW_KIT_DATA", str(tmp_path))
    copy = langid_model.cache_path()
    assert not copy.exists() and copy.parent.parent == tmp_path
    quick = langid_model.load_identifier(norm_probs=True)
    assert copy.is_file() and copy.stat().st_size < 20 * 2 ** 20  # zip-compressed, not the 68 MB
    assert [p.name for p in copy.parent.iterdir()] == [copy.name]  # no temporary file left
    again = langid_model.load_identifier(norm_probs=True)  # from the copy this time
    shipped = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    for ident in (quick, again):
        for name in ("nb_ptc", "nb_pc", "tk_nextmove", "tk_row", "tk_output"):
            assert np.array_equal(np.asarray(getattr(ident, name)), np.asarray(getattr(shipped, name))), name
        assert ident.nb_classes == shipped.nb_classes
    for ident in (again, shipped):
        ident.set_languages(["en", "es", "de", "fr", "pt", "it"])
    assert [again.classify(t) for t in TEXTS] == [shipped.classify(t) for t in TEXTS]


def test_a_damaged_copy_or_an_unwritable_folder_falls_back_to_the_shipped_model(monkeypatch, tmp_path):
    monkeypatch.setenv("INTERVIEW_KIT_DATA", str(tmp_path))
    copy = langid_model.cache_path()
    copy.parent.mkdir(parents=True)
    copy.write_bytes(b"not a zip")
    read = []
    monkeypatch.setattr("py3langid.langid.LanguageIdentifier.from_model_file",
                        classmethod(lambda cls, path, **kw: read.append((path, kw)) or "shipped"))
    assert langid_model.load_identifier(norm_probs=True) == "shipped"
    assert read == [("data/model.npz.xz", {"norm_probs": True})]
