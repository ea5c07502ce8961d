# Uncaught custom exception with __str__ and extra attributes, plus a note.
class HTTPError(Exception):
    def __init__(self, code, reason):
        super().__init__(code, reason)
        self.code, self.reason = code, reason
    def __str__(self):
        return f"{self.code} {self.reason}"
def fetch(url):
    if "missing" in url:
        err = HTTPError(404, "Not Found")
        err.add_note(f"while fetching {url}")
        raise err
    return "body"
print(fetch("/ok"))
fetch("/missing/page")
