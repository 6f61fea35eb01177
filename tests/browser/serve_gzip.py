"""A static file server that sends gzip -9 (Content-Encoding: gzip) to a browser that accepts
it, as static hosts do: the slow-phone bench (tests/bench_browser.rs) measures the page over
the bytes a real host would send. Usage: python3 serve_gzip.py PORT (serves the current
folder on 127.0.0.1)."""
import functools
import gzip
import http.server
import io
import os
import sys


@functools.lru_cache(maxsize=None)
def packed(path, mtime):
    """The file at `path` (as of `mtime`), gzip -9."""
    with open(path, "rb") as f:
        return gzip.compress(f.read(), 9)


class Handler(http.server.SimpleHTTPRequestHandler):
    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not os.path.isfile(path):
            return super().send_head()
        body = packed(path, os.path.getmtime(path))
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
