"""The ``dopesheet`` command: serve, init-db, init-data, routes, plugins, openapi, and the
subcommands plugins add through ``register_commands`` (``create-admin`` comes from ``auth``).

Every command that needs the application builds it with ``create_app`` (settings from the
usual layers), so a configuration problem is reported the same way everywhere: one line,
exit status 2.
"""

import argparse
import json
import logging
import sys

from . import logs
from .app import StartupError, build_context, create_app, open_schema
from .db import is_sqlite


def gunicorn_logger_class():
    """gunicorn's logger with its own lines in Dopesheet's format (``[-]`` in the request id
    field), so that every line of the server's log has the same fields."""
    from gunicorn.glogging import Logger

    class DopesheetFormat(Logger):
        def setup(self, cfg):
            super().setup(cfg)
            for handler in self.error_log.handlers:
                handler.setFormatter(logs.Formatter())

    return DopesheetFormat


class GunicornServer:
    """gunicorn's ``BaseApplication`` over an app built once in the master (preloaded), so
    schema work and bootstrap happen once before the workers fork. gunicorn's control socket
    is off: it lives at one path per user, which two servers on a host would fight over."""

    def __init__(self, app, options):
        from gunicorn.app.base import BaseApplication

        class _Server(BaseApplication):
            def load_config(self):
                for key, value in options.items():
                    if key in self.cfg.settings:  # settings newer gunicorns added
                        self.cfg.set(key, value)

            def load(self):
                return app

        self._server = _Server()

    def run(self):
        self._server.run()


def _serve(args, _):
    app = create_app()
    dopesheet = app.dopesheet
    server = dopesheet.settings["server"]
    if is_sqlite(dopesheet.settings["database"]["url"]):
        with dopesheet.activated():
            dopesheet.hooks.init_data(dopesheet)
        dopesheet.database.close()
    host = args.host or server["host"]
    port = args.port or server["port"]
    workers = args.workers or server["workers"]
    logging.getLogger("dopesheet.serve").info("serving on http://%s:%s (%s workers)", host,
                                              port, workers)
    sys.stdout.flush()  # else every forked worker writes what the master printed again
    GunicornServer(app, {"bind": f"{host}:{port}", "workers": workers,
                         "worker_class": "sync", "preload_app": True, "timeout": 120,
                         "errorlog": "-", "logger_class": gunicorn_logger_class(),
                         "loglevel": server["log_level"],
                         "control_socket_disable": True,
                         # gunicorn's largest request line, so that the app's own
                         # max_query_bytes answers with the standard error body
                         "limit_request_line": 8190}).run()
    return 0


def _init_db(args, _):
    steps = open_schema().migrate()
    print("\n".join(steps) if steps else "schema up to date")
    return 0


def _init_data(args, _):
    dopesheet = create_app().dopesheet
    with dopesheet.activated():
        dopesheet.hooks.init_data(dopesheet)
    print("default data in place")
    return 0


def _routes(args, _):
    dopesheet = create_app().dopesheet
    for mounted in sorted(dopesheet.routes, key=lambda item: item.template):
        methods = ",".join(mounted.route.responders())
        print(f"{methods:<24} {mounted.template:<60} {mounted.plugin}")
    return 0


def _plugins(args, context):
    for info in context.plugins:
        state = "enabled" if info.enabled else f"disabled ({info.reason})"
        print(f"{info.name:<16} {info.version:<10} {info.source:<32} {state}")
    return 0


def _openapi(args, _):
    print(json.dumps(create_app().dopesheet.openapi(), indent=2))
    return 0


def _plugin_command(handler):
    def run(args, _):
        dopesheet = create_app().dopesheet
        with dopesheet.activated():
            return handler(args, dopesheet)

    return run


def build_parser(context):
    parser = argparse.ArgumentParser(prog="dopesheet", description=__doc__.splitlines()[0])
    subparsers = parser.add_subparsers(dest="command", required=True)
    serve = subparsers.add_parser("serve", help="serve the API with gunicorn")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int)
    serve.set_defaults(run=_serve)
    for name, run, text in (("init-db", _init_db, "create or upgrade the schema"),
                            ("init-data", _init_data, "seed each plugin's default data"),
                            ("routes", _routes, "list the mounted routes"),
                            ("plugins", _plugins, "list plugins and their state"),
                            ("openapi", _openapi, "print the OpenAPI document")):
        subparsers.add_parser(name, help=text).set_defaults(run=run)
    before = set(subparsers.choices)
    context.hooks.register_commands(subparsers)
    for name in set(subparsers.choices) - before:
        sub = subparsers.choices[name]
        sub.set_defaults(run=_plugin_command(sub.get_default("handler")))
    return parser


def main(argv=None):
    try:
        context = build_context()
        args = build_parser(context).parse_args(argv)
        return args.run(args, context) or 0
    except StartupError as error:
        print(f"dopesheet: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
