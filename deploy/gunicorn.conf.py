"""gunicorn for the portal: `gunicorn -c deploy/gunicorn.conf.py lhh.wsgi`
(deploy/systemd/lhh-web.service).

It listens on loopback only, behind nginx (deploy/nginx/lhh.conf): the
site believes X-Forwarded-For only from there (TRUSTED_PROXIES), so a
client that could reach gunicorn directly could not choose its address.
An app server of its own, behind the nginx of another machine, listens on
its private address instead (GUNICORN_BIND=10.0.0.12:8000, README).

Reload without dropping a request: `systemctl reload lhh-web` sends HUP;
gunicorn reads this file again, starts new workers with the code now on
disk, and lets the old ones finish what they are answering (up to
graceful_timeout) before they exit. That needs the application to be
loaded by each worker, not by the master (preload_app off).

Values come from the environment (the service's .env), with these defaults.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# gunicorn's advice for a server doing only this: 2 × cores + 1 synchronous
# workers; each answers one request at a time, nginx queues the rest and
# serves the pages it keeps without them.
workers = int(os.environ.get("GUNICORN_WORKERS") or 2 * multiprocessing.cpu_count() + 1)
# A request that takes longer is a fault: the worker is killed and replaced
# (nginx waits 60 s, so the visitor gets the error page, not a hang).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# Old workers' time to finish their request on reload or stop.
graceful_timeout = 30
# Behind nginx no connection is kept between requests.
keepalive = 2
# A worker is replaced after this many requests (a slow leak never grows
# for long); the jitter keeps them from all restarting at once.
max_requests = 2000
max_requests_jitter = 200
preload_app = False
# Workers' heartbeat files in memory: a busy disk never makes a worker
# look dead.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# Only the local proxy's X-Forwarded-Proto is believed (HTTPS detection).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# Reloads and stops go through systemd's signals; no control socket.
control_socket_disable = True
# To the journal (systemd): errors always, one line per request when asked.
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "0") == "1" else None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "lhh-web"
