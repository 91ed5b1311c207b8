import pytest

from geo.normalize import has_latin_letter, name_key, strip_article


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Ţarţūs", "tartus"),
        ("TARTUS", "tartus"),
        ("the Black Sea", "black sea"),
        ("The  Hague", "hague"),
        ("Al-Hasakah", "al hasakah"),
        ("U.S.", "us"),
        ("Côte d’Ivoire", "cote d'ivoire"),
        ("São Paulo", "sao paulo"),
        ("Theodore", "theodore"),
    ],
)
def test_name_key(written, key):
    assert name_key(written) == key


def test_strip_article_keeps_names_starting_with_the():
    assert strip_article("the Gaza Strip") == "Gaza Strip"
    assert strip_article("Thebes") == "Thebes"


@pytest.mark.parametrize(("name", "latin"), [("Moscow", True), ("Москва", False), ("Ḩimş", True)])
def test_has_latin_letter(name, latin):
    assert has_latin_letter(name) is latin
