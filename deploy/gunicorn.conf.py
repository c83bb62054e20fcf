"""gunicorn for the portal: `gunicorn -c deploy/gunicorn.conf.py lhh.wsgi`.

It listens on loopback only, behind nginx (deploy/nginx/lhh.conf): the
site believes X-Forwarded-For only from there (TRUSTED_PROXIES), so a
client that could reach gunicorn directly could not choose its address.
"""

import multiprocessing

bind = "127.0.0.1:8000"
workers = 2 * multiprocessing.cpu_count() + 1
# A request that takes longer is a fault; the worker is replaced.
timeout = 30
graceful_timeout = 30
# Only the local proxy's X-Forwarded-Proto is believed (HTTPS detection).
forwarded_allow_ips = "127.0.0.1,::1"
accesslog = "-"
