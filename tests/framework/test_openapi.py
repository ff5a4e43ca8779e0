"""GET /openapi.json: a valid OpenAPI 3.1 document that tells the truth about the mounted API."""

import json
import re
import uuid
from urllib.parse import urljoin, urlparse

import falcon.testing
import pytest
from openapi_spec_validator import validate

from framework.app import create_app
from framework.cli import main
from tests.fixture_plugins import notes
from tests.framework.plugin_factory import plugin_module

FIELD = re.compile(r"{([^}:]+)(?::[^}]*)?}")
BEARER = [{"bearerAuth": []}]
PUBLIC = {("/", "get"), ("/status", "get"), ("/config", "get"), ("/openapi.json", "get"), ("/docs", "get"),
          ("/auth/login", "post"), ("/auth/reset-password", "post"),
          ("/auth/reset-password", "put"), ("/auth/email-otp", "get"), ("/auth/fido", "get")}
PERSONS_MODELS = {"persons": "Person", "departments": "Department", "studios": "Studio",
                  "organisations": "Organisation"}

FILES_PLUGIN = '''
class ThingFiles:
    @operation("Read a file of a thing", auth=False)
    def on_get_file(self, req, resp, thing_id, name):
        resp.media = {"thing_id": str(thing_id), "name": name}

    def on_put_file(self, req, resp, thing_id, name):
        resp.media = {}


@hookimpl
def register_routes(dopesheet):
    return [Route("/things/{thing_id:uuid}/files/{name}", ThingFiles(), suffix="file")]
'''


def document_of(app):
    result = falcon.testing.TestClient(app).simulate_get("/openapi.json")
    assert result.status_code == 200
    assert result.headers["content-type"].startswith("application/json")
    return result.json


def mounted_operations(app):
    """``{(path, method): path fields}`` for every responder of every mounted route."""
    found = {}
    for mounted in app.dopesheet.routes:
        path = FIELD.sub(r"{\1}", mounted.template)
        for method in mounted.route.responders():
            if method not in ("HEAD", "OPTIONS"):
                found[(path, method.lower())] = FIELD.findall(mounted.template)
    return found


def documented_operations(document):
    return {(path, method): operation for path, item in document["paths"].items()
            for method, operation in item.items()}


def path_parameters(operation):
    return [parameter["name"] for parameter in operation["parameters"]
            if parameter["in"] == "path" and parameter["required"]]


def sample_path(path):
    return FIELD.sub(lambda match: str(uuid.uuid4()) if match.group(1).endswith("id")
                     else "sample", path)


def refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def schema_ref(content):
    return content["application/json"]["schema"]["$ref"]


@pytest.fixture
def document(app):
    return document_of(app)


def test_document_is_valid_openapi_3_1(document):
    assert document["openapi"] == "3.1.0"
    assert (document["info"]["title"], document["info"]["version"]) == ("Dopesheet API", "0.1.0")
    validate(document)


def test_every_mounted_operation_is_documented_with_its_path_parameters(app, document):
    mounted = mounted_operations(app)
    documented = documented_operations(document)
    assert {("/data/persons/{instance_id}", "put"), ("/auth/login", "post"),
            ("/", "get")} <= mounted.keys()
    assert documented.keys() == mounted.keys()
    for key, fields in mounted.items():
        assert path_parameters(documented[key]) == fields, key


def test_every_reference_resolves(document):
    schemas = document["components"]["schemas"]
    found = set(refs(document["paths"])) | set(refs(schemas))
    assert "#/components/schemas/persons.Person" in found
    for ref in found:
        assert ref.removeprefix("#/components/schemas/") in schemas, ref


def test_protected_operations_declare_bearer_and_public_ones_nothing(document):
    assert document["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
    documented = documented_operations(document)
    assert PUBLIC <= documented.keys()
    for key, operation in documented.items():
        expected = [] if key in PUBLIC else BEARER
        assert operation.get("security", []) == expected, key


def test_declared_security_is_what_the_server_enforces(client, document):
    for (path, method), operation in documented_operations(document).items():
        body = {} if method in ("post", "put") else None
        result = client.simulate_request(method.upper(), sample_path(path), json=body)
        if operation["security"]:
            assert result.status_code == 401, (method, path)
        else:
            assert result.status_code in (200, 400), (method, path, result.status_code)


def test_model_routes_reference_the_plugins_component_schemas(document):
    paths = document["paths"]
    schemas = document["components"]["schemas"]
    for plural, name in PERSONS_MODELS.items():
        component = f"#/components/schemas/persons.{name}"
        collection, item = paths[f"/data/{plural}"], paths[f"/data/{plural}/{{instance_id}}"]
        listing = collection["get"]["responses"]["200"]["content"]["application/json"]
        assert listing["schema"]["oneOf"][0] == {"type": "array", "items": {"$ref": component}}
        assert schema_ref(collection["post"]["requestBody"]["content"]) == component
        assert schema_ref(collection["post"]["responses"]["201"]["content"]) == component
        assert schema_ref(item["get"]["responses"]["200"]["content"]) == component
        assert schema_ref(item["put"]["requestBody"]["content"]) == f"{component}Update"
        assert set(item["delete"]["responses"]) >= {"204", "401", "404"}
    person = schemas["persons.Person"]["properties"]
    assert {"id", "created_at", "updated_at", "type", "first_name", "email", "role"} <= set(person)


def test_a_studio_plugin_gets_its_own_components(register_plugin):
    document = document_of(register_plugin("notes", notes))
    validate(document)
    assert "notes.Note" in document["components"]["schemas"]
    assert schema_ref(document["paths"]["/data/notes"]["post"]["requestBody"]["content"]) == (
        "#/components/schemas/notes.Note")
    assert document["paths"]["/data/notes-pinned"]["get"]["security"] == BEARER


def test_converters_and_suffixes_become_plain_path_parameters(register_plugin):
    app = register_plugin("thing_files", plugin_module("thing_files", FILES_PLUGIN))
    document = document_of(app)
    validate(document)
    item = document["paths"]["/things/{thing_id}/files/{name}"]
    assert set(item) == {"get", "put"}
    assert path_parameters(item["get"]) == path_parameters(item["put"]) == ["thing_id", "name"]
    assert item["get"]["security"] == []
    assert item["put"]["security"] == BEARER


def test_same_document_under_api(client, document):
    result = client.simulate_get("/api/openapi.json")
    assert result.status_code == 200
    assert result.json == document
    # A relative server: "Try it out" on /api/docs calls /api/..., which a proxy forwards.
    assert [server["url"] for server in document["servers"]] == ["."]


@pytest.mark.parametrize("page_path", ["/docs", "/docs/", "/api/docs", "/api/docs/"])
def test_docs_page_loads_the_apps_own_assets_relatively(client, page_path):
    """Relative links keep working behind a proxy that strips /api (Kitsu's nginx)."""
    page = client.simulate_get(page_path)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    links = re.findall(r'(?:src=|href=|url: )"([^"]+)"', page.text)
    assert all(not link.startswith("/") and "//" not in link for link in links), links
    prefix = page_path.removesuffix("/").removesuffix("/docs")
    resolved = sorted(urljoin(f"http://host{page_path}", link) for link in links)
    assert resolved == [f"http://host{prefix}/docs/static/swagger-ui-bundle.js",
                        f"http://host{prefix}/docs/static/swagger-ui.css",
                        f"http://host{prefix}/openapi.json"]
    for url in resolved:
        assert client.simulate_get(urlparse(url).path).status_code == 200, url


def test_cli_prints_the_served_document(tmp_path, monkeypatch, capsys):
    config = tmp_path / "dopesheet.toml"
    config.write_text("")
    monkeypatch.setenv("DOPESHEET_CONFIG", str(config))
    monkeypatch.setenv("DOPESHEET_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    assert main(["openapi"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == document_of(create_app())
    assert "/data/persons" in printed["paths"]
