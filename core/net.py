import ipaddress
import re

from django.conf import settings


def _address(value):
    """`value` as a normalised IP address, or None when it is not one."""
    try:
        return str(ipaddress.ip_address((value or "").strip()))
    except ValueError:
        return None


def client_ip(request):
    """The visitor's address, trusting only our own reverse proxies.

    With PROXY_COUNT proxies in front, the address is the one the outermost
    of ours appended to X-Forwarded-For; anything before it is
    client-supplied and could be forged. The header is believed only when
    the request came from a proxy of ours (TRUSTED_PROXIES, loopback by
    default, or gunicorn's unix socket: it listens only there, behind
    nginx), and only when what it names is an IP address; otherwise the
    peer's own address counts. So a client that reaches gunicorn some other
    way cannot pick its address, nor send text that the login lockout would
    fail to store.
    """
    remote = request.META.get("REMOTE_ADDR") or ""
    peer = _address(remote) or ""
    # gunicorn on a unix socket gives no peer address: only local processes
    # (nginx) can connect to it.
    from_proxy = _is_trusted_proxy(peer) if peer else not remote
    proxies = settings.PROXY_COUNT
    if proxies and from_proxy:
        hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [h for h in hops if h]
        if len(hops) >= proxies:
            return _address(hops[-proxies]) or peer
    return peer


def _is_trusted_proxy(address):
    ip = ipaddress.ip_address(address)
    return any(ip in ipaddress.ip_network(net, strict=False) for net in settings.TRUSTED_PROXIES)


# Crawlers, link previews, monitors and scripts: not readers, never counted.
BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|zalo.*preview|"
    r"preview|monitor|curl|wget|python-requests|python-urllib|httpx|aiohttp|"
    r"go-http-client|java/|okhttp|libwww|headless|lighthouse|pingdom|uptime",
    re.IGNORECASE,
)


def is_bot(user_agent):
    return not user_agent or bool(BOT_PATTERN.search(user_agent))
