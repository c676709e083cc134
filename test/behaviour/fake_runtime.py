"""Behavioural harness, Python side (driven by harness.ts).

Usage: python3 fake_runtime.py DIR, where DIR holds the modules and specs.json (each spec
names its module, case_module_<n>).
Installs fake `requests` and `httpx` modules whose requests answer as the scenario
scripts, a fake clock behind time.sleep / time.time / time.monotonic / asyncio.sleep,
and a seeded `random`; then, for each spec, imports case_module afresh, calls the
function, and prints one JSON record per spec (a list) on stdout.
"""

import asyncio
import importlib
import inspect
import json
import random
import sys
import time
import types
import uuid


class HarnessLimit(BaseException):
    """Raised when a run goes past the attempt limit (a retry that never ends)."""


class State:
    def __init__(self, scenario, limit):
        self.scenario = scenario
        self.limit = limit
        self.now = 0.0
        self.first = None
        self.waits = []
        self.requests = []
        self.uuids = 0


STATE = None


def answer(index, since_first_ms):
    sc = STATE.scenario
    steps = sc.get("steps") or []
    if index < len(steps):
        return steps[index]
    if sc.get("job"):
        done = since_first_ms >= sc["job"]["doneAfterMs"]
        return {"status": 200, "body": {"id": "job-1", "status": "done" if done else "running"}}
    return sc.get("then") or {"status": 200, "body": {"id": "item-1", "ok": True}}


def next_step(method, url, headers):
    if len(STATE.requests) >= STATE.limit:
        raise HarnessLimit("still retrying after %d attempts" % STATE.limit)
    if STATE.first is None:
        STATE.first = STATE.now
    step = answer(len(STATE.requests), (STATE.now - STATE.first) * 1000)
    STATE.requests.append(
        {
            "method": method.upper(),
            "url": str(url),
            "headers": {str(k).lower(): str(v) for k, v in (headers or {}).items()},
            "at": round(STATE.now * 1000, 6),
        }
    )
    return step


class CaseInsensitiveDict(dict):
    def __init__(self, data=None):
        super().__init__()
        for k, v in (data or {}).items():
            self[k] = v

    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)

    def __getitem__(self, k):
        return super().__getitem__(k.lower())

    def get(self, k, default=None):
        return super().get(k.lower(), default)

    def __contains__(self, k):
        return super().__contains__(k.lower())


# ---------------------------------------------------------------- time


def fake_sleep(seconds):
    seconds = float(seconds)
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    STATE.waits.append(seconds * 1000)
    STATE.now += seconds


async def fake_async_sleep(seconds, result=None):
    fake_sleep(seconds)
    return result


time.sleep = fake_sleep
time.time = lambda: 1_700_000_000.0 + STATE.now
time.monotonic = lambda: STATE.now
time.perf_counter = lambda: STATE.now
asyncio.sleep = fake_async_sleep
uuid.uuid4 = lambda: (setattr(STATE, "uuids", STATE.uuids + 1), uuid.UUID(int=STATE.uuids, version=4))[1]


# ---------------------------------------------------------------- requests


def make_requests():
    m = types.ModuleType("requests")
    exc = types.ModuleType("requests.exceptions")

    class RequestException(IOError):
        def __init__(self, *args, response=None, request=None):
            super().__init__(*args)
            self.response = response
            self.request = request

    class HTTPError(RequestException):
        pass

    class ConnectionError(RequestException):
        pass

    class Timeout(RequestException):
        pass

    class ReadTimeout(Timeout):
        pass

    for cls in (RequestException, HTTPError, ConnectionError, Timeout, ReadTimeout):
        cls.__module__ = "requests.exceptions"
        setattr(exc, cls.__name__, cls)
        setattr(m, cls.__name__, cls)

    class Response:
        def __init__(self, step, url):
            self.status_code = step["status"]
            self.headers = CaseInsensitiveDict(step.get("headers"))
            self._body = step.get("body")
            self.url = url
            self.reason = "scripted"

        @property
        def ok(self):
            return self.status_code < 400

        def json(self):
            if self._body is None:
                raise ValueError("no JSON body")
            return self._body

        @property
        def text(self):
            return "" if self._body is None else json.dumps(self._body)

        @property
        def content(self):
            return self.text.encode()

        def raise_for_status(self):
            if 400 <= self.status_code < 600:
                raise HTTPError("%d Error: scripted for url: %s" % (self.status_code, self.url), response=self)

    class RetryError(RequestException):
        pass

    RetryError.__module__ = "requests.exceptions"
    exc.RetryError = RetryError
    m.RetryError = RetryError

    def request(method, url, headers=None, **_kw):
        step = next_step(method, url, headers)
        if step.get("network"):
            raise ConnectionError("Connection aborted.")
        return Response(step, url)

    def with_retry(retry, method, url, headers):
        """urllib3's Retry as documented (2.x): `total` retries of the idempotent methods on
        `status_forcelist` and connection errors; Retry-After honoured on 413/429/503; else
        backoff_factor * 2 ** (consecutive errors - 1), none before the first retry."""
        errors = 0
        while True:
            step = next_step(method, url, headers)
            status = None if step.get("network") else step["status"]
            retryable = method.upper() in Retry.DEFAULT_ALLOWED_METHODS and (
                status is None or status in (retry.status_forcelist or ())
            )
            if not retryable:
                if status is None:
                    raise ConnectionError("Connection aborted.")
                return Response(step, url)
            errors += 1
            if errors > retry.total:
                if status is None:
                    raise ConnectionError("Max retries exceeded with url: %s" % url)
                raise RetryError("Max retries exceeded with url: %s (too many %d error responses)" % (url, status))
            after = None if status is None else CaseInsensitiveDict(step.get("headers")).get("Retry-After")
            if after is not None and status in (413, 429, 503):
                fake_sleep(int(after))
            elif errors > 1 and retry.backoff_factor:
                fake_sleep(retry.backoff_factor * 2 ** (errors - 1))

    class Session:
        def __init__(self):
            self.headers = {}
            self.adapters = {}

        def request(self, method, url, headers=None, **kw):
            merged = {**self.headers, **(headers or {})}
            for prefix, adapter in self.adapters.items():
                if str(url).startswith(prefix) and adapter.max_retries is not None:
                    return with_retry(adapter.max_retries, method, url, merged)
            return request(method, url, merged, **kw)

        def mount(self, prefix, adapter):
            self.adapters[prefix] = adapter

        def __enter__(self):
            return self

        def __exit__(self, *_a):
            return False

    for verb in ("get", "post", "put", "patch", "delete", "head"):
        setattr(m, verb, (lambda v: lambda url, **kw: request(v, url, **kw))(verb))
        setattr(Session, verb, (lambda v: lambda self, url, **kw: self.request(v, url, **kw))(verb))
    m.request = request
    m.Session = Session
    m.Response = Response
    m.exceptions = exc
    adapters = types.ModuleType("requests.adapters")

    class HTTPAdapter:
        def __init__(self, max_retries=None, **_kw):
            self.max_retries = max_retries

    adapters.HTTPAdapter = HTTPAdapter
    m.adapters = adapters
    return {"requests": m, "requests.exceptions": exc, "requests.adapters": adapters, **make_urllib3()}


class Retry:
    DEFAULT_ALLOWED_METHODS = frozenset(["HEAD", "GET", "PUT", "DELETE", "OPTIONS", "TRACE"])

    def __init__(self, total=10, status_forcelist=None, backoff_factor=0, **_kw):
        self.total = total
        self.status_forcelist = status_forcelist
        self.backoff_factor = backoff_factor


def make_urllib3():
    root = types.ModuleType("urllib3")
    util = types.ModuleType("urllib3.util")
    retry = types.ModuleType("urllib3.util.retry")
    retry.Retry = util.Retry = root.Retry = Retry
    root.util = util
    util.retry = retry
    return {"urllib3": root, "urllib3.util": util, "urllib3.util.retry": retry}


# ---------------------------------------------------------------- httpx


def make_httpx():
    m = types.ModuleType("httpx")

    class HTTPError(Exception):
        pass

    class RequestError(HTTPError):
        pass

    class TransportError(RequestError):
        pass

    class ConnectError(TransportError):
        pass

    class TimeoutException(TransportError):
        pass

    class HTTPStatusError(HTTPError):
        def __init__(self, message, *, request=None, response=None):
            super().__init__(message)
            self.request = request
            self.response = response

    for cls in (HTTPError, RequestError, TransportError, ConnectError, TimeoutException, HTTPStatusError):
        cls.__module__ = "httpx"
        setattr(m, cls.__name__, cls)

    class Response:
        def __init__(self, step, url):
            self.status_code = step["status"]
            self.headers = CaseInsensitiveDict(step.get("headers"))
            self._body = step.get("body")
            self.url = url

        @property
        def is_success(self):
            return 200 <= self.status_code < 300

        @property
        def is_error(self):
            return self.status_code >= 400

        def json(self):
            if self._body is None:
                raise ValueError("no JSON body")
            return self._body

        @property
        def text(self):
            return "" if self._body is None else json.dumps(self._body)

        @property
        def content(self):
            return self.text.encode()

        def raise_for_status(self):
            if self.status_code >= 400:
                raise HTTPStatusError("Server error '%d' for url '%s'" % (self.status_code, self.url), response=self)
            return self

    def request(method, url, headers=None, **_kw):
        step = next_step(method, url, headers)
        if step.get("network"):
            raise ConnectError("All connection attempts failed")
        return Response(step, url)

    class Client:
        def __init__(self, base_url="", headers=None, **_kw):
            self.base_url = base_url
            self.headers = dict(headers or {})

        def request(self, method, url, headers=None, **kw):
            return request(method, self.base_url + url, {**self.headers, **(headers or {})}, **kw)

        def __enter__(self):
            return self

        def __exit__(self, *_a):
            return False

        def close(self):
            pass

    class AsyncClient(Client):
        async def request(self, method, url, headers=None, **kw):
            return request(method, self.base_url + url, {**self.headers, **(headers or {})}, **kw)

        async def __aenter__(self):
            return self

        async def __aexit__(self, *_a):
            return False

        async def aclose(self):
            pass

    for verb in ("get", "post", "put", "patch", "delete", "head"):
        setattr(m, verb, (lambda v: lambda url, **kw: request(v, url, **kw))(verb))
        setattr(Client, verb, (lambda v: lambda self, url, **kw: self.request(v, url, **kw))(verb))
    m.request = request
    m.Client = Client
    m.AsyncClient = AsyncClient
    m.Response = Response
    return {"httpx": m}


# ---------------------------------------------------------------- running


def error_record(e, depth=0):
    rec = {"type": type(e).__name__, "message": str(e)}
    response = getattr(e, "response", None)
    if response is not None and isinstance(getattr(response, "status_code", None), int):
        rec["status"] = response.status_code
    cause = e.__cause__ if e.__cause__ is not None else (None if e.__suppress_context__ else e.__context__)
    if cause is not None and depth < 5:
        rec["cause"] = error_record(cause, depth + 1)
    return rec


def plain(v):
    if hasattr(v, "status_code"):
        return {"status": v.status_code}
    try:
        return json.loads(json.dumps(v))
    except (TypeError, ValueError):
        return repr(v)


def run(spec, seed, limit):
    global STATE
    STATE = State(spec["scenario"], limit)
    random.seed(seed)
    name = spec.get("module", "case_module")
    sys.modules.pop(name, None)
    module = importlib.import_module(name)
    fn = getattr(module, spec["fn"])
    record = {"scenario": spec["scenario"]["name"]}
    try:
        value = fn(*spec.get("args", []))
        if inspect.iscoroutine(value):
            value = asyncio.run(value)
        record["result"] = plain(value)
    except HarnessLimit as e:
        record["error"] = {"type": "HarnessLimit", "message": str(e)}
    except Exception as e:  # noqa: BLE001 - the record carries it
        record["error"] = error_record(e)
    record["attempts"] = len(STATE.requests)
    record["requests"] = STATE.requests
    record["waits"] = [round(w, 6) for w in STATE.waits]
    record["totalMs"] = round(STATE.now * 1000, 6)
    return record


def main():
    folder = sys.argv[1]
    sys.path.insert(0, folder)
    sys.dont_write_bytecode = True
    for name, mod in {**make_requests(), **make_httpx()}.items():
        sys.modules[name] = mod
    with open(folder + "/specs.json", encoding="utf8") as f:
        config = json.load(f)
    records = [run(spec, config["seed"], config["limit"]) for spec in config["specs"]]
    sys.stdout.write(json.dumps(records))


if __name__ == "__main__":
    main()
