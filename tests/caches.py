"""The two caches the portal runs on (config/settings.py): the database's table, and Redis.

`shared_cache` runs a test on each. Redis is the one at TEST_REDIS_URL (default: the server on
127.0.0.1:6379 these machines run, database 15); where none answers the Redis case is skipped,
except in CI (.ci/run sets TEST_REDIS_REQUIRED), where it fails.
"""

import os
import uuid

import pytest
import redis

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
DATABASE_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "portal_cache",
    "OPTIONS": {"MAX_ENTRIES": 20_000},
}


def redis_answers() -> bool:
    try:
        return bool(redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture(params=["database", "redis"])
def shared_cache(request, settings):
    """The portal's cache, as configured with or without REDIS_URL."""
    if request.param == "redis":
        if not redis_answers():
            message = f"no Redis answers at {TEST_REDIS_URL}"
            if os.environ.get("TEST_REDIS_REQUIRED"):
                pytest.fail(message)
            pytest.skip(message)
        # Each test its own keys, removed after it: another run may share the server.
        prefix = f"test-{uuid.uuid4().hex}"
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": TEST_REDIS_URL,
                "KEY_PREFIX": prefix,
            }
        }
        yield request.param
        server = redis.Redis.from_url(TEST_REDIS_URL)
        for key in server.scan_iter(match=f"{prefix}:*"):
            server.delete(key)
    else:
        settings.CACHES = {"default": DATABASE_CACHE}
        yield request.param
