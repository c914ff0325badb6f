import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

from tests.directory.factories import PASSWORD

ROOT = Path(__file__).resolve().parent.parent


PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "x7!Kq2@pL9#mZ4$wR8^tY3&uN6*vB1(cD5)eF0_gH-jA+sQ=oI~lM",
    "ALLOWED_HOSTS": "portal.example.ca",
}


def environment(**env) -> dict[str, str]:
    """This process's environment without the test-only variables, plus `env`."""
    unset = {
        "DATABASE_URL",
        "DEBUG",
        "DJANGO_SETTINGS_MODULE",
        "DJANGO_ALLOW_ASYNC_UNSAFE",
        "REDIS_URL",
    }
    return {**{k: v for k, v in os.environ.items() if k not in unset}, **env}


def run_python(code: str, **env) -> subprocess.CompletedProcess:
    clean = environment(**env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


SETUP = "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings'; django.setup();"


def test_without_database_url_the_portal_uses_sqlite_under_var():
    result = run_python(
        SETUP + "from django.conf import settings; d=settings.DATABASES['default'];"
        "print(d['ENGINE'], d['NAME'])",
        DEBUG="true",
    )
    assert result.returncode == 0, result.stderr
    engine, name = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert name == str(ROOT / "var" / "portal.sqlite3")


def test_sqlite_fallback_answers_queries(tmp_path):
    code = (
        SETUP + "from django.conf import settings; from django.db import connection;"
        f"settings.DATABASES['default']['NAME']=r'{tmp_path / 'x.sqlite3'}';"
        "c=connection.cursor(); c.execute('select 40 + 2'); print(c.fetchone()[0])"
    )
    result = run_python(code, DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "42"


def test_database_url_selects_postgresql():
    result = run_python(
        SETUP + "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])",
        DEBUG="true",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/snc",
    )
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_the_cache_is_the_database_table_unless_redis_url_is_set():
    code = SETUP + "from django.conf import settings; print(settings.CACHES['default'])"
    table = run_python(code, DEBUG="true")
    assert "DatabaseCache" in table.stdout
    assert "portal_cache" in table.stdout
    redis = run_python(code, DEBUG="true", REDIS_URL="redis://127.0.0.1:6379/0")
    assert "django.core.cache.backends.redis.RedisCache" in redis.stdout
    assert "redis://127.0.0.1:6379/0" in redis.stdout


def test_production_without_secret_key_fails_loudly():
    result = run_python(SETUP, DEBUG="false", ALLOWED_HOSTS="portal.example.ca")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_malformed_debug_value_fails_loudly():
    result = run_python(SETUP, DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_production_settings_pass_check_deploy():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment(**PRODUCTION),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_static_files_collect_with_hashed_names(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=environment(**PRODUCTION, STATIC_ROOT=str(tmp_path)),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert "bootstrap/css/bootstrap.min.css" in manifest
    assert "jquery-ui/jquery-ui.min.js" in manifest
    assert list(tmp_path.glob("css/portal.*.css.gz"))


COOKIE_SETTINGS = (
    "SESSION_COOKIE_NAME",
    "SESSION_COOKIE_SECURE",
    "CSRF_USE_SESSIONS",
    "CSRF_COOKIE_NAME",
    "CSRF_COOKIE_SECURE",
    "LANGUAGE_COOKIE_NAME",
    "LANGUAGE_COOKIE_SECURE",
)


def production_cookie_settings() -> dict:
    result = run_python(
        SETUP + "import json; from django.conf import settings;"
        f"print(json.dumps({{k: getattr(settings, k) for k in {COOKIE_SETTINGS!r}}}))",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_cookies_have_host_names_and_csrf_lives_in_the_session():
    values = production_cookie_settings()
    for name in ("SESSION_COOKIE_NAME", "CSRF_COOKIE_NAME", "LANGUAGE_COOKIE_NAME"):
        assert values[name].startswith("__Host-")
    assert values["SESSION_COOKIE_SECURE"]
    assert values["LANGUAGE_COOKIE_SECURE"]
    assert values["CSRF_USE_SESSIONS"] is True


@pytest.mark.django_db
def test_signing_in_under_production_cookie_settings_sets_one_host_cookie(client, member):
    with override_settings(**production_cookie_settings()):
        page = client.get("/en/sign-in/", secure=True)
        token = page.context["csrf_token"]
        response = client.post(
            "/en/sign-in/",
            {"username": "member", "password": PASSWORD, "csrfmiddlewaretoken": str(token)},
            secure=True,
        )
    assert response.status_code == 302
    cookie = response.cookies["__Host-sessionid"]
    assert cookie["secure"]
    assert cookie["httponly"]
    assert cookie["path"] == "/"
    assert not cookie["domain"]  # a __Host- cookie may not name a domain
    assert "csrftoken" not in response.cookies
    assert "__Host-csrftoken" not in response.cookies
