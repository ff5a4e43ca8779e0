"""The ``framework.testing`` fixtures a plugin's own tests rely on, run as a plugin author
runs them (a separate pytest session)."""

from framework.testing import database_kinds

TWO_TESTS = '''
from plugins.persons.models import Person

APPS = []


def persons(app):
    with app.dopesheet.activated():
        return [person.email for person in Person.select()]


def test_first(app):
    APPS.append(app)
    with app.dopesheet.activated():
        Person.create(first_name="Ann", last_name="Artist", email="ann@example.com")
    assert persons(app) == ["ann@example.com"]


def test_second(app, make_app):
    assert persons(app) == []
    fresh = make_app()
    assert fresh is not app and persons(fresh) == []
'''


def test_the_app_fixture_gives_each_test_an_empty_database(pytester):
    pytester.makepyfile(test_two=TWO_TESTS)
    result = pytester.runpytest_subprocess("-p", "framework.testing", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=2 * len(database_kinds()))
