"""Helpers for the tests that drive a real browser (Playwright and chromium)."""
import time


def wait_until(page, expression: str, timeout: float = 30.0) -> None:
    """Wait until a JavaScript expression holds in the page, polling it from here. Playwright's
    wait_for_function polls by eval inside the page, which the pages' Content-Security-Policy (no
    'unsafe-eval') refuses whenever the first check fails; page.evaluate is not subject to it."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(f"() => Boolean({expression})"):
        if time.monotonic() > deadline:
            raise AssertionError(f"the page never satisfied {expression} in {timeout:g} s")
        page.wait_for_timeout(50)
