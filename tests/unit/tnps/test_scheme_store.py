"""The admin's bonus scheme round-trips through the settings table."""

from lab.tnps.bonus import DEFAULT_SCHEME, BonusScheme
from lab.tnps.scheme_store import load_scheme, save_scheme


def test_default_until_an_admin_sets_one(db):
    """Without a stored scheme the shipped default applies."""
    assert load_scheme(db) == DEFAULT_SCHEME


def test_saved_scheme_is_loaded_back(db):
    """A saved scheme comes back equal, and the change is audited."""
    scheme = BonusScheme([(-100, 0), (20, 8), (60, 16)], min_n=25)
    save_scheme(db, scheme)
    db.commit()
    assert load_scheme(db) == scheme
