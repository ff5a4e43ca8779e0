"""gazu.person against a served Dopesheet: departments, persons, organisation, permissions."""

import gazu
import pytest

from tests.compat.conftest import unique


def test_departments_round_trip(admin):
    name = unique("Grooming")
    created = gazu.person.new_department(name, "#A1B2C3", client=admin)
    assert (created["name"], created["color"], created["type"]) == (name, "#A1B2C3",
                                                                     "Department")
    assert gazu.person.get_department_by_name(name, client=admin)["id"] == created["id"]
    assert gazu.person.get_department(created["id"], client=admin)["name"] == name
    assert created["id"] in [d["id"] for d in gazu.person.all_departments(client=admin)]
    renamed = gazu.person.update_department({"id": created["id"], "name": name + "!"},
                                            client=admin)
    assert renamed["name"] == name + "!"
    gazu.person.remove_department(created, client=admin)
    assert gazu.person.get_department_by_name(name + "!", client=admin) is None


def test_persons_round_trip(admin):
    department = gazu.person.get_department_by_name("Animation", client=admin)
    last_name = unique("Doe")
    email = f"{last_name.split()[1]}@compat.example.com"
    person = gazu.person.new_person("Jane", last_name, email, desktop_login=last_name,
                                    departments=[department], client=admin)
    assert person["full_name"] == f"Jane {last_name}"
    assert person["departments"] == [department["id"]]
    assert gazu.person.new_person("Jane", last_name, email, client=admin)["id"] == person["id"]
    assert gazu.person.get_person_by_email(email, client=admin)["id"] == person["id"]
    assert gazu.person.get_person_by_desktop_login(last_name, client=admin)["id"] == person["id"]
    assert gazu.person.get_person_by_full_name(f"Jane {last_name}",
                                               client=admin)["id"] == person["id"]
    assert gazu.person.get_person(person["id"], relations=True,
                                  client=admin)["departments"] == [department["id"]]
    assert person["id"] in [p["id"] for p in gazu.person.all_persons(client=admin)]
    person["phone"] = "+33 1 02 03 04 05"
    updated = gazu.person.update_person(person, client=admin)
    assert updated["phone"] == "+33 1 02 03 04 05"
    gazu.person.remove_person(person, client=admin)
    assert gazu.person.get_person_by_email(email, client=admin) is None


def test_organisation(admin):
    organisation = gazu.person.get_organisation(client=admin)
    assert organisation["type"] == "Organisation" and organisation["hours_by_day"] == 8.0
    assert [o["id"] for o in gazu.person.all_organisations(client=admin)] == [organisation["id"]]


def test_artist_sees_people_but_cannot_create_them(new_person):
    artist, artist_client = new_person()
    assert artist["id"] in [p["id"] for p in gazu.person.all_persons(client=artist_client)]
    with pytest.raises(gazu.exception.NotAllowedException):
        gazu.person.new_department(unique("Nope"), "#000000", client=artist_client)
    with pytest.raises(gazu.exception.NotAllowedException):
        gazu.person.new_person("No", "Body", "nobody@compat.example.com",
                               client=artist_client)


def test_department_membership_and_avatar(admin, new_person):
    person, _ = new_person()
    department = gazu.person.new_department(unique("Layout"), "#101010", client=admin)
    added = gazu.person.add_person_to_department(person, department, client=admin)
    assert added["departments"] == [department["id"]]
    gazu.person.remove_person_from_department(person, department, client=admin)
    assert gazu.person.get_person(person["id"], relations=True,
                                  client=admin)["departments"] == []
    gazu.person.clear_person_avatar(person, client=admin)
    assert gazu.person.get_person(person["id"], client=admin)["has_avatar"] is False
