"""TNPS Lab: the application factory. Wiring only."""

from __future__ import annotations

from flask import Flask
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

from lab import (
    config,
    errors,
    i18n,
    request_kinds,
    security_headers,
    web_content,
    web_db,
    web_static,
    web_urls,
)
from lab.auth import access
from lab.auth.login_manager import init_app as init_login
from lab.json_provider import BoundedJSONProvider
from lab.paths import STATIC_DIR, TEMPLATES_DIR
from lab.surveys import background as surveys_background
from lab.ui.params import BoundedIntConverter

csrf = CSRFProtect()


def create_app(test_config: dict | None = None) -> Flask:
    """Defaults, then the environment, then `test_config`; then every area is wired in."""
    app = Flask(
        __name__,
        instance_path=str(config.instance_path()),
        template_folder=str(TEMPLATES_DIR),
        static_folder=str(STATIC_DIR),
    )
    app.json = BoundedJSONProvider(app)  # deep nesting is a 400, not a RecursionError
    app.config.from_mapping(config.DEFAULTS)
    app.config.from_mapping(config.from_environment())
    if test_config:
        app.config.from_mapping(test_config)
    if app.config["PROXY_HOPS"]:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["PROXY_HOPS"],
                                x_proto=app.config["PROXY_HOPS"])

    web_content.init_app(app)  # invalid content stops the start, naming file and field
    web_db.init_app(app)
    web_static.init_app(app)
    access.init_app(app)
    csrf.init_app(app)
    init_login(app)
    i18n.init_app(app)
    errors.init_app(app)
    security_headers.init_app(app)
    request_kinds.init_app(app)
    # Before any route is added: every <int:> in a URL is bounded to an INTEGER key.
    app.url_map.converters["int"] = BoundedIntConverter
    _register_blueprints(app)
    _template_helpers(app)
    web_urls.init_app(app)
    surveys_background.init_app(app)
    return app


def _register_blueprints(app: Flask) -> None:
    from lab.admin import bp as admin_bp
    from lab.alerts.routes import bp as alerts_bp
    from lab.api import bp as api_bp
    from lab.auth import bp as auth_bp
    from lab.centre import bp as centre_bp
    from lab.codex import bp as codex_bp
    from lab.dashboard import bp as dashboard_bp
    from lab.fairness import bp as fairness_bp
    from lab.fairness import routes as _fairness_routes  # noqa: F401 (its views)
    from lab.team import bp as team_bp
    from lab.training import bp as training_bp

    for blueprint in (auth_bp, training_bp, codex_bp, dashboard_bp, team_bp, fairness_bp,
                      centre_bp, alerts_bp,
                      admin_bp, api_bp):
        app.register_blueprint(blueprint)


def _template_helpers(app: Flask) -> None:
    from lab.dashboard import present
    from lab.ui import context

    app.context_processor(context.globals_for_templates)
    for helper in (present.signed, present.tnps_value, present.tnps_detail):
        app.add_template_global(helper)
    app.add_template_global(present.strip, "interval_strip")
    app.add_template_filter(context.percent_class, "pct")
    app.add_template_filter(context.week_label, "week_label")
    app.add_template_filter(context.week_start, "week_start")
