import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Creating the staff and super users dominates these tests' run time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
