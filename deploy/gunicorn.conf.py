"""gunicorn settings for Råderum (docs/deployment.md). Every value can be overridden on the
command line or with GUNICORN_CMD_ARGS."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# 2 × cores + 1 workers with 4 threads each (gthread): a request waits for PostgreSQL a good
# part of its time (20–30 queries on a proposal page), and another thread uses the core
# meanwhile. Measured with `make load` on 2 cores (docs/benchmarks.md, "Load"): 5 synchronous
# workers had 1.5–2.5 times the latency of 5 × 4 threads (far more on a busy machine); 2 × 8
# threads measured the same as 5 × 4.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Catalog PDFs are also made in a background thread of the worker that was asked.
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = 60
# How long an idle connection is kept open for the next request. The default (2 s) is shorter
# than the pause between two clicks, so the server closes connections just as clients reuse
# them, which a client sees as "connection reset". Keep them longer than the proxy's or
# browser's pauses; idle connections cost a gthread worker no thread.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "75"))
graceful_timeout = 30
max_requests = 2000  # recycle workers now and then; jitter so they don't all restart at once
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
# The request line without the query string: query strings may carry share-link tokens.
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
