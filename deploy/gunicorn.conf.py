"""gunicorn settings for Råderum (docs/deployment.md). Every value can be overridden on the
command line or with GUNICORN_CMD_ARGS."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Råderum is I/O- and database-bound; the usual 2 × cores + 1 synchronous workers.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Catalog PDFs are made in a background thread of the worker that was asked: give a worker
# threads so a PDF never blocks the requests it shares the worker with.
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = 60
graceful_timeout = 30
max_requests = 2000  # recycle workers now and then; jitter so they don't all restart at once
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
# The request line without the query string: query strings may carry share-link tokens.
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
errorlog = "-"
